# int(), float(), complex(), index() of user objects through __int__, __float__, __index__.

class N:
    def __init__(self, v): self.v = v
    def __int__(self): return int(self.v)
    def __float__(self): return float(self.v)
    def __index__(self): return int(self.v)
    def __complex__(self): return complex(self.v, 1)
n = N(7.5)
print(int(n), float(n), complex(n), N(3).__index__(), [10, 20, 30, 40][N(2)])
print(hex(N(255)), bin(N(5)), oct(N(8)), 'ab' * N(2))
class OnlyIndex:
    def __index__(self): return 4
print(int(OnlyIndex()), float(OnlyIndex()) if hasattr(OnlyIndex, '__float__') else 'nofloat')
class Bad:
    def __int__(self): return 'x'
try:
    int(Bad())
except TypeError as e:
    print(e)
try:
    float(object())
except TypeError as e:
    print(e)

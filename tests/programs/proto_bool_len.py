# Truth: __bool__ first, then __len__; errors for bad return values.
class L:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
class Bo:
    def __bool__(self): return False
    def __len__(self): return 5
print(bool(L(0)), bool(L(3)), bool(Bo()), not L(0), len(L(4)))
print('yes' if L(2) else 'no', [x for x in (L(0), L(1)) if x].__len__())
class BadB:
    def __bool__(self): return 1
try:
    bool(BadB())
except TypeError as e:
    print(e)
class NegLen:
    def __len__(self): return -1
try:
    len(NegLen())
except ValueError as e:
    print(e)
class StrLen:
    def __len__(self): return '3'
try:
    len(StrLen())
except TypeError as e:
    print(e)
print(bool(object()), bool(type('T', (), {})()))

# abs(), round(), neg, pos and invert on user classes, and the errors when missing.
class V:
    def __init__(self, x): self.x = x
    def __abs__(self): return V(abs(self.x))
    def __neg__(self): return V(-self.x)
    def __pos__(self): return self
    def __invert__(self): return V(~self.x)
    def __round__(self, n=None): return ('round', n)
    def __repr__(self): return f'V({self.x})'
v = V(-3)
print(abs(v), -v, +v is v, ~v, round(v), round(v, 2))
class Plain: pass
for f in (abs, round, lambda o: -o, lambda o: ~o, lambda o: +o):
    try:
        f(Plain())
    except TypeError as e:
        print(e)

# A namedtuple-like tuple subclass by hand: properties over indexes, _replace, sizes.
import sys
class Pair(tuple):
    __slots__ = ()
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    a = property(lambda self: self[0])
    b = property(lambda self: self[1])
    def _replace(self, **kw):
        return Pair(kw.get('a', self.a), kw.get('b', self.b))
    def __repr__(self): return f'Pair(a={self.a!r}, b={self.b!r})'
p = Pair(1, 2)
print(p, p.a, p.b, p._replace(b=9), p == (1, 2), hash(p) == hash((1, 2)), len(p))
x, y = p
print(x, y, list(p), p + (3,), type(p + (3,)).__name__, sys.getsizeof(p), sys.getsizeof((1, 2)))
try:
    p.c = 1
except AttributeError as e:
    print(e)

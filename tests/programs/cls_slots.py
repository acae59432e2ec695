import sys
class S:
    __slots__ = ('a', 'b')
    def __init__(self, a, b):
        self.a = a
        self.b = b
s = S(1, 2)
print(s.a, s.b, sys.getsizeof(s), S.__slots__)
try:
    s.c = 3
except AttributeError as e:
    print('AE', e)
del s.a
try:
    print(s.a)
except AttributeError as e:
    print('AE', e)
print(hasattr(s, '__dict__'), type(S.a).__name__)
class E:
    __slots__ = ()
print(sys.getsizeof(E()))
class W:
    __slots__ = ('x', '__weakref__')
print(sys.getsizeof(W()))
class D(S):
    pass
d = D(5, 6)
d.z = 9
print(d.a, d.z, sys.getsizeof(d))

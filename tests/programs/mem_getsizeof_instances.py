import sys
class A:
    pass
class S:
    __slots__ = ('a', 'b')
class E:
    __slots__ = ()
class W:
    __slots__ = ('__weakref__',)
class D:
    __slots__ = ('__dict__',)
a = A()
out = [sys.getsizeof(a), sys.getsizeof(S()), sys.getsizeof(E()), sys.getsizeof(W()), sys.getsizeof(D())]
a.x = 1
out.append(sys.getsizeof(a))
print(out)

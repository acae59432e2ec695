# __class__ assignment between compatible classes.
class A:
    def who(self): return 'A'
class B:
    def who(self): return 'B'
a = A()
a.x = 1
a.__class__ = B
print(a.who(), type(a).__name__, a.x, isinstance(a, B))
class S1: __slots__ = ('v',)
class S2: __slots__ = ('v',)
s = S1(); s.v = 3
s.__class__ = S2
print(type(s).__name__, s.v)
try:
    a.__class__ = S1
except TypeError as e:
    print(e)
try:
    a.__class__ = int
except TypeError as e:
    print(e)
try:
    (1).__class__ = bool
except TypeError as e:
    print(e)

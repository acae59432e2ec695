# Slot descriptors: member_descriptor objects, unset slot errors, deleting, class-level access.
class P:
    __slots__ = ('x', '_y', '__z')
    def setz(self, v): self.__z = v
    def getz(self): return self.__z
p = P()
print(type(P.x).__name__, repr(P.x), P.__slots__)
try:
    p.x
except AttributeError as e:
    print(e)
p.x = 5
p.setz(7)
print(p.x, p.getz(), P._P__z.__name__ if hasattr(P._P__z, '__name__') else 'member')
del p.x
try:
    del p.x
except AttributeError as e:
    print(e)
try:
    p.other = 1
except AttributeError as e:
    print(e)
print(P.x.__get__(p) if hasattr(p, 'x') else 'no x', hasattr(p, '_y'))
P.x.__set__(p, 10)
print(p.x)

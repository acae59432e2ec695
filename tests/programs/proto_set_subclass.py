# set and frozenset subclasses: operations return the base type, sizes, hashing frozenset subs.
import sys
class S(set): pass
class F(frozenset): pass
s = S([1, 2, 3])
f = F([2, 3, 4])
print(s, f, type(s | {9}).__name__, type(f & s).__name__, s == {1, 2, 3}, 2 in f)
print(sorted(s ^ f), len(f), hash(f) == hash(frozenset([2, 3, 4])), {f: 'ok'}[frozenset({2, 3, 4})])
s.add(10); s.discard(1)
print(sorted(s), sys.getsizeof(S()), sys.getsizeof(F()), sys.getsizeof(s))
class Init(set):
    def __init__(self, it):
        super().__init__(x * 2 for x in it)
print(sorted(Init([1, 2])))

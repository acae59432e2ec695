# Bound method objects: created by attribute access, not by obj.m(); identity, equality, gc counts.
import gc, sys
class C:
    def m(self): return 1
c = C()
gc.collect()
c0 = gc.get_count()[0]
for i in range(5):
    c.m()
c1 = gc.get_count()[0]
bm = c.m
c2 = gc.get_count()[0]
print(c1 - c0, c2 - c1, c.m == c.m, c.m is c.m, bm.__self__ is c, bm.__func__ is C.m)
print(sys.getsizeof(bm), type(bm).__name__, sys.getrefcount(c), C.m(c), bm())
del bm
print(sys.getrefcount(c))

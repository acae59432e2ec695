# sys.getrefcount of instances, classes and bound methods in common situations.
import sys
class C:
    def m(self): return sys.getrefcount(self)
c = C()
r = [sys.getrefcount(c)]
l = [c, c]
r.append(sys.getrefcount(c))
r.append(c.m())
bm = c.m
r.append(sys.getrefcount(c))
del bm, l
r.append(sys.getrefcount(c))
before = sys.getrefcount(C)
objs = [C() for i in range(5)]
r.append(sys.getrefcount(C) - before)
del objs
r.append(sys.getrefcount(C) - before)
d = {}
d[c] = c
r.append(sys.getrefcount(c))
print(r)

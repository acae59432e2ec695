import sys
class C:
    def m(self):
        return sys.getrefcount(self)
    def __init__(self, arg=None):
        self.r = sys.getrefcount(arg) if arg is not None else None
c = C()
o = object()
res = []
res.append(sys.getrefcount(c))
res.append(c.m())
bm = c.m
res.append(sys.getrefcount(c))
del bm
res.append(sys.getrefcount(c))
res.append(sys.getrefcount(C))
d = C(o)
res.append(d.r)
res.append(sys.getrefcount(C))
lst = [C() for _ in range(3)]
res.append(sys.getrefcount(C))
del lst
res.append(sys.getrefcount(C))
print(res)

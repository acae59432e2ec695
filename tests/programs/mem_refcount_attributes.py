# Attributes, class attributes and bound methods hold references.
import sys


class Holder:
    shared = None

    def method(self):
        return self


x = object()
h = Holder()
base = sys.getrefcount(x)
hb = sys.getrefcount(h)
h.a = x
h.b = x
r1 = sys.getrefcount(x) - base
Holder.shared = x
r2 = sys.getrefcount(x) - base
m = h.method
r3 = sys.getrefcount(h) - hb
m2 = h.method
r4 = sys.getrefcount(h) - hb
del m, m2
r5 = sys.getrefcount(h) - hb
del h.a
r6 = sys.getrefcount(x) - base
h.method()
r7 = sys.getrefcount(h) - hb
del h
r8 = sys.getrefcount(x) - base
print(r1, r2, r3, r4, r5, r6, r7, r8)

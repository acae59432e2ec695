import weakref, gc, sys

class Node:
    def __init__(self, v):
        self.v = v
    def double(self):
        return self.v * 2

n = Node(21)
p = weakref.proxy(n)
out = [p.v, p.double()]
p.v = 5
out.append((n.v, p.double()))
p.extra = "x"
out.append(n.extra)
del p.extra
out.append(hasattr(n, "extra"))
k = weakref.KeyedRef(n, None, "the-key")
out.append((k.key, k() is n, k.__callback__))
def cb(r):
    out.append("callback")
r = weakref.ref(n, cb)
out.append(r.__callback__ is cb)
del n
gc.collect()
try:
    p.v
except ReferenceError as e:
    out.append(str(e))
out.append((k(), k.key))
for o in out:
    print(o)

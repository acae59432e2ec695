# Weakrefs to objects in garbage cycles: cleared before __del__; callbacks only for live refs.
import gc, weakref
gc.collect()
log = []
class C:
    def __init__(self, n): self.n = n
    def __del__(self): log.append(('del', self.n))
a = C(1); b = C(2)
a.b = b; b.a = a
wr = weakref.ref(a, lambda r: log.append(('cb', r() is None)))
del a, b
print(gc.collect(), log)
log.clear()
x = C(3)
x.self = x
x.wr = weakref.ref(x, lambda r: log.append('never'))
del x
print(gc.collect(), log)

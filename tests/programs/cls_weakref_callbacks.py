# Weakref callbacks on instance death: order (newest first), after __del__, referent gone.
import weakref
events = []
class T:
    def __init__(self, n): self.n = n
    def __del__(self): events.append(('del', self.n))
t = T(1)
r0 = weakref.ref(t)
r1 = weakref.ref(t, lambda r: events.append(('cb1', r() is None)))
r2 = weakref.ref(t, lambda r: events.append(('cb2', r is r2)))
print(weakref.getweakrefcount(t), r0 is weakref.ref(t))
del t
print(events, r0(), r1())

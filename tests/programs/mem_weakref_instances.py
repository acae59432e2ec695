import weakref, gc
class Thing:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        log.append(('del', self.n))
log = []
t = Thing(1)
r = weakref.ref(t, lambda ref: log.append(('cb', ref() is None)))
alive = r() is t
del t
print(alive, log)
log.clear()
a = Thing(2); b = Thing(3)
a.b = b; b.a = a
ra = weakref.ref(a, lambda ref: log.append('cb-a'))
del a, b
gc.collect()
print(log, ra())

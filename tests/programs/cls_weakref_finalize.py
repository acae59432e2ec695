# weakref.finalize on instances: called once at death, detach, explicit call.
import weakref
class R:
    pass
log = []
r = R()
f = weakref.finalize(r, log.append, 'finalized')
del r
print(log, f())
r2 = R()
f2 = weakref.finalize(r2, log.append, 'never')
print(f2.detach()[2:])
del r2
print(log)
r3 = R()
f3 = weakref.finalize(r3, lambda *a, **k: log.append((a, k)), 1, 2, key='v')
print(f3(), f3(), log[-1])

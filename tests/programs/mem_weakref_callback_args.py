# The callback receives the dead weakref itself; which weakref objects survive it.
import gc
import weakref


class T:
    pass


log = []
keep = []


def cb(wr):
    log.append(("cb", wr is refs[0] or wr is refs[1], wr()))
    keep.append(wr)


t = T()
refs = [weakref.ref(t, cb), weakref.ref(t, cb)]
plain = weakref.ref(t)
log.append(weakref.getweakrefcount(t))
del t
log.append(len(keep))
log.append(keep[0] is refs[1])
log.append(plain() is None)
gc.collect()
log.append(weakref.getweakrefcount(T()))
for x in log:
    print(x)

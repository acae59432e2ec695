import weakref
log = []
def target():
    pass
def mk(name):
    def cb(r):
        log.append((name, r() is None))
    return cb
r1 = weakref.ref(target, mk('cb1'))
r2 = weakref.ref(target, mk('cb2'))
r3 = weakref.ref(target, mk('cb3'))
plain = weakref.ref(target)
n = weakref.getweakrefcount(target)
del target
print(n, log, plain(), weakref.getweakrefcount(plain))

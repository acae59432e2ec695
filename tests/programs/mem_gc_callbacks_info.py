import gc
gc.collect()
log = []
def cb(phase, info):
    log.append((phase, dict(info)))
gc.callbacks.append(cb)
a = []
a.append(a)
del a
n = gc.collect()
m = gc.collect(0)
gc.callbacks.remove(cb)
print(n, m)
for e in log:
    print(e)

import weakref, gc
gc.collect()
log = []
class N:
    pass
a = N()
a.self = a
holder = [weakref.ref(a, lambda r: log.append('reachable cb'))]
b = N()
b.self = b
b.wr = weakref.ref(b, lambda r: log.append('garbage cb'))
del a, b
n = gc.collect()
print(n, log)

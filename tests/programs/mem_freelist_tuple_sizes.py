import gc
gc.collect()
def mk(n):
    return tuple(range(n))
res = []
for n in (1, 2, 3, 5, 10, 19):
    t = mk(n)
    i = id(t)
    del t
    u = mk(n)
    res.append(id(u) == i)
    del u
t2 = mk(2)
i2 = id(t2)
del t2
t4 = mk(4)
res.append(id(t4) == i2)
print(res)

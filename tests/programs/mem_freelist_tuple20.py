import gc
gc.collect()
def mk(n):
    return tuple(range(n))
res = []
t = mk(20)
i = id(t)
del t
u = mk(20)
res.append(id(u) == i)
t19 = mk(19)
j = id(t19)
del t19
v = mk(19)
res.append(id(v) == j)
t21 = mk(21)
k = id(t21)
del t21
w = mk(21)
res.append(id(w) == k)
print(res)

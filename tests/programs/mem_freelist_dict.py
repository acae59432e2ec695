import gc
gc.collect()
d = {}
i = id(d)
del d
e = dict()
r = [id(e) == i]
del e
f = {}
r.append(id(f) == i)
del f
g = {'a': 1}
r.append(id(g) == i)
print(r)

import gc
r = [gc.is_tracked({}), gc.is_tracked({'a': 1}), gc.is_tracked({'a': []}), gc.is_tracked([]),
     gc.is_tracked(set()), gc.is_tracked(1), gc.is_tracked('a'), gc.is_tracked(object()),
     gc.is_tracked(()), gc.is_tracked(1.5)]
t = tuple([1, 2])
r.append(gc.is_tracked(t))
gc.collect(0)
r.append(gc.is_tracked(t))
n = (1, (2, 3))
u = tuple([n, [1]])
gc.collect()
r.append(gc.is_tracked(n))
r.append(gc.is_tracked(u))
d = {'a': []}
d['a'] = 1
gc.collect(1)
r.append(gc.is_tracked(d))
gc.collect()
r.append(gc.is_tracked(d))
print(r)

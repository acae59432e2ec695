import gc
gc.collect()
l1 = []; l2 = []; l3 = []
i1, i2, i3 = id(l1), id(l2), id(l3)
del l1, l2, l3
n1 = []; n2 = []; n3 = []
r = [id(n1) == i3, id(n2) == i2, id(n3) == i1]
del n1
m = list()
r.append(id(m) == i3)
del m
k = [1, 2]
r.append(id(k) == i3)
print(r)

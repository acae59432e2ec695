# Free lists and pymalloc hand back the most recently freed address first.
import gc

gc.collect()
gc.disable()
res = []
a = [1]
b = [2]
ida, idb = id(a), id(b)
del a, b
c = []
d = []
res.append((id(c) == idb, id(d) == ida))
x = 1.5 * 3
idx = id(x)
del x
y = 2.5 * 3
res.append(id(y) == idx)
t = (c, d)
idt = id(t)
del t
t2 = (d, c)
res.append(id(t2) == idt)
t3 = (c, d, c)
res.append(id(t3) == idt)
dd = {"a": c}
iddd = id(dd)
del dd
dd2 = {}
res.append(id(dd2) == iddd)
o = object()
ido = id(o)
del o
o2 = object()
res.append(id(o2) == ido)
gc.enable()
print(res)

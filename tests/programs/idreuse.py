import gc
import sys

gc.collect()
results = []
a = [1, 2, 3]
ida = id(a)
del a
b = [4, 5]
results.append(id(b) == ida)
t = (1, 2, 3000)
idt = id(t)
del t
u = (4, 5, 6000)
results.append(id(u) == idt)
f = 1.5
f2 = f * 3
idf = id(f2)
del f2
f3 = f * 5
results.append(id(f3) == idf)
d = {"x": 1}
idd = id(d)
del d
e = {}
results.append(id(e) == idd)
x = 10000
y = x + 1
idy = id(y)
del y
z = x + 2
results.append(id(z) == idy)
s = "hello world" + "!"
ids = id(s)
del s
s2 = "goodbye all" + "?"
results.append(id(s2) == ids)
print(results)

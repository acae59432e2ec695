import gc
gc.collect()
a = []
b = [a]
a.append(b)
del a, b
n1 = gc.collect()
s = []
s.append(s)
del s
n2 = gc.collect()
chain = [[] for i in range(10)]
for i in range(10):
    chain[i].append(chain[(i + 1) % 10])
del chain
n3 = gc.collect()
print(n1, n2, n3, gc.collect())

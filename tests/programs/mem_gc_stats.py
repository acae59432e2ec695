import gc
gc.collect()
s0 = gc.get_stats()
a = [[] for i in range(3)]
for x in a:
    x.append(x)
del a, x
gc.collect(1)
s1 = gc.get_stats()
gc.collect()
s2 = gc.get_stats()
print([s1[i]['collections'] - s0[i]['collections'] for i in range(3)])
print([s1[i]['collected'] - s0[i]['collected'] for i in range(3)])
print([s2[i]['collections'] - s0[i]['collections'] for i in range(3)])
print(sorted(s2[0].keys()), len(s2))

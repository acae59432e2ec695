import gc
gc.collect()
vals = [0.1 * i for i in range(10)]
total = sum(vals)
ids = set()
for _ in range(5):
    t = sum(vals)
    ids.add(id(t))
    del t
ints = sum(range(1000))
print(round(total, 6), len(ids), ints)

import gc
gc.collect()
gc.set_threshold(10)
counts = []
keep = []
for i in range(25):
    keep.append(set())
    counts.append(gc.get_count())
gc.set_threshold(700, 10, 10)
print(counts)
print(gc.get_threshold())

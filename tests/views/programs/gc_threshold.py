import gc

gc.collect()

gc.set_threshold(5, 2, 2)
keep = []
for i in range(12):
    pair = [i]
    pair.append(pair)
    if i % 3 == 0:
        keep.append(pair)
    del pair
print(gc.get_count(), len(keep))

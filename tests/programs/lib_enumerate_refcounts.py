import sys
items = ["x1", "y1"]
it = enumerate(items)
r0 = sys.getrefcount(items)
pair = next(it)
r1 = sys.getrefcount(pair)
idx, val = pair
r2 = sys.getrefcount(val)
del pair
pair2 = next(it)
e_size = sys.getsizeof(it)
print(r0, r1, r2, pair2, e_size)

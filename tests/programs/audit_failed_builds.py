# Displays whose build fails part-way ({unhashable}, {unhashable: v}) release the items and
# the half-built container: nothing stays allocated, and the items' refcounts come back.
import gc
import sys

gc.collect()
item = object()
key = "some key"
results = []
rc0 = sys.getrefcount(item)
b0 = sys.getallocatedblocks()
for i in range(20):
    try:
        {item, [], item}
    except TypeError as e:
        results.append(str(e))
    try:
        {key: item, []: item, "x": 1}
    except TypeError as e:
        results.append(str(e))
    try:
        {1, 2, frozenset(), {}}
    except TypeError as e:
        results.append(str(e))
b1 = sys.getallocatedblocks()
rc1 = sys.getrefcount(item)
s = {item}
d = {key: item}
rc2 = sys.getrefcount(item)
print(len(results), sorted(set(results)))
print("blocks", b1 - b0)
print("refcounts", rc1 - rc0, rc2 - rc0)

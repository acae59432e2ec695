import sys, gc
gc.collect()
d = {i: i for i in range(5)}
b0 = sys.getallocatedblocks()
k1 = d.keys()
b1 = sys.getallocatedblocks()
v1 = d.values()
i1 = d.items()
b2 = sys.getallocatedblocks()
del k1, v1, i1
b3 = sys.getallocatedblocks()
it = iter(d.items())
b4 = sys.getallocatedblocks()
first = next(it)
b5 = sys.getallocatedblocks()
print(b1 - b0, b2 - b1, b3 - b0, b4 - b3, b5 - b4, first, gc.is_tracked(d.keys()))

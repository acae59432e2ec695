import sys, gc
gc.collect()
data = list(range(50, 0, -1))
b0 = sys.getallocatedblocks()
s = sorted(data)
b1 = sys.getallocatedblocks()
data.sort()
b2 = sys.getallocatedblocks()
k = sorted(data, key=lambda x: -x)
b3 = sys.getallocatedblocks()
del s, k
b4 = sys.getallocatedblocks()
print(b1 - b0, b2 - b1, b3 - b2, b4 - b0, data[:3])

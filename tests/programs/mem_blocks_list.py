import sys, gc
gc.collect()
b0 = sys.getallocatedblocks()
l = [object() for i in range(100)]
b1 = sys.getallocatedblocks()
del l
b2 = sys.getallocatedblocks()
d = {i: i * 1.5 for i in range(50)}
b3 = sys.getallocatedblocks()
del d
b4 = sys.getallocatedblocks()
print(b1 - b0, b2 - b0, b3 - b0, b4 - b0)

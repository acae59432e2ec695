import sys, gc
gc.collect()
b0 = sys.getallocatedblocks()
s = [(i * 1000003) % 99991 for i in range(200)]
b1 = sys.getallocatedblocks()
big = 'x' * 10000
b2 = sys.getallocatedblocks()
del s, big
b3 = sys.getallocatedblocks()
print(b1 - b0, b2 - b1, b3 - b0)

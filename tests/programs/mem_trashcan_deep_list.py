import sys, gc
gc.collect()
b0 = sys.getallocatedblocks()
x = []
for i in range(100000):
    x = [x]
b1 = sys.getallocatedblocks()
del x
b2 = sys.getallocatedblocks()
t = ()
for i in range(50000):
    t = (t, i)
del t
d = {}
for i in range(50000):
    d = {'d': d}
del d
b3 = sys.getallocatedblocks()
print(b1 - b0 >= 100000, b2 - b0, b3 - b0)

import gc
import sys

gc.collect()
before = sys.getallocatedblocks()
keep = [[i] for i in range(100)]
after = sys.getallocatedblocks()
del keep
gc.collect()
final = sys.getallocatedblocks()
print(after - before, final - before)
before = sys.getallocatedblocks()
x = [float(i) for i in range(50)]
mid = sys.getallocatedblocks()
print(mid - before)

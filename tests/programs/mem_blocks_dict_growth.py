# Blocks as a dict grows and is cleared.
import gc
import sys

gc.collect()
d = {}
marks = []
b0 = sys.getallocatedblocks()
for i in range(300, 400):
    d[i] = None
    marks.append(sys.getallocatedblocks() - b0 - len(marks) - 1)
b1 = sys.getallocatedblocks()
d.clear()
b2 = sys.getallocatedblocks()
changes = [(i, m) for i, m in enumerate(marks) if i == 0 or m != marks[i - 1]]
print(changes)
print(b1 - b2)

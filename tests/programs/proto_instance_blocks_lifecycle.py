# Blocks, gc counts and getsizeof through an instance's life: attributes, __dict__, death.
import sys, gc
class P:
    def __init__(self, x, y): self.x = x; self.y = y
gc.collect()
b0 = sys.getallocatedblocks(); c0 = gc.get_count()[0]
p = P(1000, 2000)
b1 = sys.getallocatedblocks(); c1 = gc.get_count()[0]
p.z = 3
b2 = sys.getallocatedblocks()
d = p.__dict__
b3 = sys.getallocatedblocks()
s = (sys.getsizeof(p), sys.getsizeof(d))
del d, p
b4 = sys.getallocatedblocks(); c4 = gc.get_count()[0]
print(b3 - b2, b2 - b1, b1 - b0, c1 - c0, s, b4 - b0, c4 - c0)

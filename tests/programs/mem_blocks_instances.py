# Blocks per instance: the object, its values array, a materialised __dict__.
import gc
import sys


class P:
    def __init__(self, x):
        self.x = x


class S:
    __slots__ = ("x",)

    def __init__(self, x):
        self.x = x


gc.collect()
r = []
b0 = sys.getallocatedblocks()
ps = [P(i) for i in range(100)]
b1 = sys.getallocatedblocks()
ss = [S(i) for i in range(100)]
b2 = sys.getallocatedblocks()
for p in ps:
    p.__dict__
b3 = sys.getallocatedblocks()
del ps, p
b4 = sys.getallocatedblocks()
del ss
b5 = sys.getallocatedblocks()
print(b1 - b0, b2 - b1, b3 - b2, b4 - b3, b5 - b4)

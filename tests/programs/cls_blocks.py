import sys, gc
class P:
    def __init__(self, a, b):
        self.a = a
        self.b = b
class S:
    __slots__ = ('a', 'b')
S(); S()
gc.collect()
warm = [P(1, 2) for _ in range(3)]
b0 = sys.getallocatedblocks()
p = P(1, 2)
b1 = sys.getallocatedblocks()
q = P(3, 4)
b2 = sys.getallocatedblocks()
del q, p
b3 = sys.getallocatedblocks()
s = S()
b4 = sys.getallocatedblocks()
print(b1 - b0, b2 - b1, b3 - b2, b4 - b3)

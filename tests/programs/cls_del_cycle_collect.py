# Cycles of instances with __del__: gc.collect() finalizes them (PEP 442) in creation order.
import gc
gc.collect()
log = []
class Node:
    def __init__(self, n): self.n = n; self.other = None
    def __del__(self): log.append(self.n)
a, b, c = Node(1), Node(2), Node(3)
a.other, b.other, c.other = b, c, a
del a, b, c
print(log)
n = gc.collect()
print(n, log, gc.garbage)
x, y = Node('x'), Node('y')
y.other = x; x.other = y
x.__dict__
del x, y
print(gc.collect(), log)

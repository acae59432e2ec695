# Blocks and gc counts of instances with __slots__ versus managed dicts.
import sys, gc
class S:
    __slots__ = ('x', 'y')
    def __init__(self): self.x = 1; self.y = 2
class D:
    def __init__(self): self.x = 1; self.y = 2
class SD:
    __slots__ = ('x', '__dict__')
    def __init__(self): self.x = 1; self.z = 3
gc.collect()
keep = []
out = []
for cls in (S, D, SD, S, D, SD):
    b0 = sys.getallocatedblocks(); c0 = gc.get_count()[0]
    keep.append(cls())
    out.append((cls.__name__, sys.getallocatedblocks() - b0, gc.get_count()[0] - c0))
b0 = sys.getallocatedblocks()
keep.clear()
out.append(('freed', sys.getallocatedblocks() - b0))
print(out)

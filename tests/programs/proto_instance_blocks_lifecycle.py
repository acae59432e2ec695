# Blocks, gc counts and getsizeof through an instance's life: attributes, __dict__, death.
import sys, gc
class P:
    def __init__(self, x, y): self.x = x; self.y = y
# Warm-up: look up once every name the measured steps look up on P and dict, so that no
# first lookup inside a measured step goes through CPython's method cache, whose slots
# depend on the names' addresses: an eviction there could free an interned name's block at
# random (python3 printed 8 instead of 9 for b4 - b0 in 5 of 20 runs without it; see
# docs/cpython-facts.md, "Measuring").  The instance is made without __init__, so no key is
# added to P's shared keys; being P's first instance it still takes one slot of the keys'
# usable count (3.11 init_inline_values), so getsizeof(p.__dict__) reads 288, not 296.
for _n in ('__init__', 'x', 'y', 'z', '__sizeof__'):
    hasattr(P, _n)
_w = object.__new__(P)
_w.__dict__
sys.getsizeof(_w); sys.getsizeof({})
del _w, _n
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

# Blocks and gc counts of WeakValueDictionary operations.
import gc
import sys
import weakref


class V:
    pass


# Warm-up: the first lookups of these types' methods go through CPython's method cache,
# whose slots depend on the names' addresses; an eviction inside a measured step can free an
# interned name's block at random (docs/cpython-facts.md, "Measuring").
_w = weakref.WeakValueDictionary()
_w[0] = V()
del _w
gc.collect()
r = []
b0 = sys.getallocatedblocks()
d = weakref.WeakValueDictionary()
b1 = sys.getallocatedblocks()
vals = [V() for i in range(10)]
b2 = sys.getallocatedblocks()
for i, v in enumerate(vals):
    d[i] = v
b3 = sys.getallocatedblocks()
del v
vals.clear()
b4 = sys.getallocatedblocks()
del d
b5 = sys.getallocatedblocks()
print(b1 - b0, b2 - b1, b3 - b2, b4 - b3, b5 - b4)

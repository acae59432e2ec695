# gc.DEBUG_SAVEALL keeps the garbage in gc.garbage; clearing it frees the objects.
import gc
import sys


class Node:
    pass


gc.collect()
gc.set_debug(gc.DEBUG_SAVEALL)
n = Node()
n.me = n
l = []
l.append(l)
del n, l
found = gc.collect()
kinds = sorted(type(o).__name__ for o in gc.garbage)
gc.set_debug(0)
before = sys.getallocatedblocks()
del gc.garbage[:]
after = sys.getallocatedblocks()
again = gc.collect()
print(found, kinds, gc.get_debug(), before - after, again)
print(gc.DEBUG_LEAK == gc.DEBUG_COLLECTABLE | gc.DEBUG_UNCOLLECTABLE | gc.DEBUG_SAVEALL)

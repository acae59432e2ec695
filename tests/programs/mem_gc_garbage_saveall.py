import gc
gc.collect()
gc.set_debug(gc.DEBUG_SAVEALL)
a = []
a.append(a)
del a
n = gc.collect()
g = len(gc.garbage)
first = type(gc.garbage[0]).__name__
gc.set_debug(0)
del gc.garbage[:]
print(n, g, first, gc.garbage, gc.get_debug(), gc.DEBUG_LEAK, gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL)

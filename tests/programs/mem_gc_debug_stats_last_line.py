# gc.DEBUG_UNCOLLECTABLE / DEBUG_COLLECTABLE write to stderr; the program ends with an error.
import gc

gc.collect()
gc.set_debug(gc.DEBUG_COLLECTABLE)
x = []
x.append(x)
del x
print(gc.collect())
gc.set_debug(0)
print(gc.collect())
raise SystemExit("done: %d" % gc.get_debug())

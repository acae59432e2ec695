import gc

gc.collect()
events = []


def cb(phase, info):
    events.append((phase, info["generation"], info["collected"]))


gc.callbacks.append(cb)
a = [1]
a.append(a)
b = {"x": None}
b["x"] = b
del a, b
n = gc.collect()
gc.callbacks.remove(cb)
gc.collect()
print(n, events)
print(len(gc.garbage), gc.get_stats()[2]["collections"] > 0, gc.get_freeze_count())
x = []
y = [x]
print(gc.get_referents(y) == [x], len(gc.get_referrers(x)))

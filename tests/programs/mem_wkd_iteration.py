# WeakKeyDictionary defers removals while iterating; len() subtracts the pending ones.
import gc
import weakref


class K:
    def __init__(self, n):
        self.n = n


gc.collect()
d = weakref.WeakKeyDictionary()
keys = [K(i) for i in range(5)]
for k in keys:
    d[k] = k.n * 10
del k
out = []
for key, value in d.items():
    if value == 20:
        keys.remove(key)
        out.append(("inside", len(d), len(d.data), len(d._pending_removals)))
del key, value
out.append(("after", len(d), len(d.data), len(d._pending_removals)))
d[keys[0]] = 99
out.append(("after set", len(d), len(d.data), len(d._pending_removals)))
del d[keys[1]]
keys.clear()
out.append(("cleared", len(d), len(d.data)))
for x in out:
    print(x)

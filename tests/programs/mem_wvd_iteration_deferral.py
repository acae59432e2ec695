# Removals while iterating a WeakValueDictionary are deferred until the iteration ends.
import gc
import weakref


class V:
    pass


gc.collect()
d = weakref.WeakValueDictionary()
keep = {}
for i in range(6):
    keep[i] = V()
    d[i] = keep[i]
seen = []
pending = []
for k in d:
    seen.append(k)
    if k % 2 == 0:
        del keep[k]
    pending.append((len(d.data), len(d._pending_removals)))
print(seen)
print(pending)
print("after loop", len(d.data), len(d._pending_removals), d._iterating)
print("len", len(d), "data", sorted(d.data), "pending", d._pending_removals)
# items() and values() defer the same way
vals = []
for k, v in d.items():
    keep.pop(k)
    vals.append(k)
del v
print(vals, len(d.data), len(d._pending_removals))
print(len(d), list(d.keys()))

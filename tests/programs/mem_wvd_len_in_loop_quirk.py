# 3.11's WeakValueDictionary: len() inside a loop over it commits the pending removals,
# so the dict the loop walks changes size.
import gc
import weakref


class V:
    pass


gc.collect()
d = weakref.WeakValueDictionary()
vals = [V() for i in range(4)]
for i, v in enumerate(vals):
    d[i] = v
del v
out = []
try:
    for k in d:
        if vals:
            vals.pop()
        out.append(len(d))
except RuntimeError as e:
    out.append(("RuntimeError", str(e)))
print(out)
print(len(d), d._iterating)

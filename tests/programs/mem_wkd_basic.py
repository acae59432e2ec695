# WeakKeyDictionary: per-object data that disappears with the object.
import gc
import sys
import weakref


class Obj:
    def __init__(self, n):
        self.n = n


gc.collect()
meta = weakref.WeakKeyDictionary()
objs = [Obj(i) for i in range(5)]
for o in objs:
    meta[o] = "data-%d" % o.n
out = [len(meta), meta[objs[2]], objs[3] in meta, 5 in meta]
out.append(sorted(meta.values()))
del objs[0]
out.append(len(meta))
o = objs.pop()
out.append((len(meta), meta.get(o)))
out.append(sys.getrefcount(o))
del o
out.append(len(meta))
out.append(sorted(k.n for k in meta.keys()))
out.append(sorted(meta.pop(objs[0]) for i in range(1)))
out.append(len(meta))
out.append(sys.getsizeof(meta))
for x in out:
    print(x)

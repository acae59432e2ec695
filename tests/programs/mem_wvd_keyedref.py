# WeakValueDictionary stores KeyedRef objects (88 bytes) that carry the remove callback.
import gc
import sys
import weakref


class V:
    pass


gc.collect()
d = weakref.WeakValueDictionary()
v = V()
d["k"] = v
refs = d.valuerefs()
wr = refs[0]
out = [type(wr).__name__, sys.getsizeof(wr), wr() is v, weakref.getweakrefcount(v)]
out.append(isinstance(wr, weakref.ref))
out.append(weakref.getweakrefs(v)[0] is wr)
del refs
w2 = weakref.ref(v)
out.append(weakref.getweakrefcount(v))
out.append(weakref.getweakrefs(v)[0] is w2)
del v
out.append((wr() is None, w2() is None, len(d)))
for x in out:
    print(x)

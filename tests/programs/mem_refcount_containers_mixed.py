# How each container operation changes a refcount.
import sys


class Obj:
    pass


o = Obj()
base = sys.getrefcount(o)
out = []
lst = [o, o]
out.append(("list of 2", sys.getrefcount(o) - base))
tup = (o,) * 3
out.append(("tuple *3", sys.getrefcount(o) - base))
d = {"k": o, o: 1}
out.append(("dict key+value", sys.getrefcount(o) - base))
s = {o}
out.append(("set", sys.getrefcount(o) - base))
lst.remove(o)
out.append(("list.remove", sys.getrefcount(o) - base))
d[o] = 2
out.append(("dict same key", sys.getrefcount(o) - base))
d.pop("k")
out.append(("dict.pop value", sys.getrefcount(o) - base))
s.discard(o)
del tup
out.append(("set.discard, del tuple", sys.getrefcount(o) - base))
lst.clear()
d.clear()
out.append(("cleared", sys.getrefcount(o) - base))
for x in out:
    print(x)

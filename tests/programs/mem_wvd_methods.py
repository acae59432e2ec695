# The mapping methods of WeakValueDictionary.
import gc
import weakref


class V:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return "V%d" % self.n


gc.collect()
vs = [V(i) for i in range(6)]
d = weakref.WeakValueDictionary({"a": vs[0], "b": vs[1]}, c=vs[2])
print(sorted(d.items(), key=lambda kv: kv[0]))
print(d.setdefault("a", vs[5]), d.setdefault("z", vs[4]))
print(d.pop("b"), d.pop("nope", "default"))
try:
    d.pop("nope")
except KeyError as e:
    print("KeyError", e)
d.update([("x", vs[3])])
d.update(y=vs[3])
print(sorted(d), len(d))
c = d.copy()
print(type(c).__name__, sorted(c), c == d)
k, v = d.popitem()
print(k, v, len(d))
del d["a"]
print(sorted(d.keys()), sorted(v.n for v in d.values()))
d.clear()
print(len(d), list(d))
try:
    hash(d)
except TypeError as e:
    print(e)
print(repr(d).startswith("<WeakValueDictionary at 0x"))

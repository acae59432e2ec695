# WeakValueDictionary: an entry disappears the moment its value's last strong reference goes.
import gc
import sys
import weakref


class Node:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "Node(%r)" % self.name


gc.collect()
cache = weakref.WeakValueDictionary()
a, b, c = Node("a"), Node("b"), Node("c")
cache["a"] = a
cache["b"] = b
cache["c"] = c
events = [len(cache), sorted(cache)]
del b
events.append(("after del b", len(cache), sorted(cache)))
events.append(("get", cache.get("b"), cache.get("a"), cache.get("zz", "dflt")))
events.append(("contains", "a" in cache, "b" in cache))
try:
    cache["b"]
except KeyError as e:
    events.append(("KeyError", e.args))
a = None
events.append(("after a=None", sorted(cache.keys())))
events.append(("refcount of c", sys.getrefcount(c)))
events.append(("size", sys.getsizeof(cache), sys.getsizeof(cache.data)))
for e in events:
    print(e)

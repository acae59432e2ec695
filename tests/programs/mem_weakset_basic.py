# WeakSet: membership by identity of live objects only.
import gc
import sys
import weakref


class Item:
    def __init__(self, n):
        self.n = n


gc.collect()
s = weakref.WeakSet()
items = [Item(i) for i in range(4)]
for it in items:
    s.add(it)
del it
out = [len(s), items[0] in s, Item(9) in s, 5 in s]
out.append(sys.getrefcount(items[1]))
items.pop()
out.append(len(s))
s.discard(items[0])
out.append(len(s))
s.remove(items[1])
try:
    s.remove(items[1])
except KeyError:
    out.append("KeyError")
out.append(sorted(x.n for x in s))
t = weakref.WeakSet(items)
out.append((len(t), len(s | t), len(t - s), len(s & t), s <= t, t >= s))
items.clear()
out.append((len(s), len(t)))
out.append(type(s).__module__)
try:
    s.pop()
except KeyError as e:
    out.append(str(e))
for x in out:
    print(x)

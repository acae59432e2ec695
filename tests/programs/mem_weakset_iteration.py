# WeakSet iteration defers removals: items dying mid-loop stay in .data until the loop ends.
import gc
import weakref


class Item:
    pass


gc.collect()
s = weakref.WeakSet()
items = [Item() for i in range(6)]
for it in items:
    s.add(it)
del it
count = 0
states = []
for x in s:
    count += 1
    if count == 1:
        items.clear()
        states.append((len(s), len(s.data), len(s._pending_removals)))
del x
print(count, states)
print(len(s), len(s.data), len(s._pending_removals))
s.add(Item())
print(len(s), len(s.data), len(s._pending_removals))
keep = Item()
s.add(keep)
print(len(s), keep in s, type(s).__module__, type(s).__name__)

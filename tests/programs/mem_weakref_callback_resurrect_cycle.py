# A weakref callback may keep the dead object's friends alive; gc results with callbacks.
import gc


class Node:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        events.append("del " + self.name)


import weakref

events = []
saved = []
gc.collect()
a = Node("a")
b = Node("b")
a.other = b
b.other = a
w = weakref.ref(a, lambda r: events.append("callback"))
del a, b
events.append(("collected", gc.collect()))
events.append(w() is None)
c = Node("c")
c.self = c
w2 = weakref.ref(c, lambda r: saved.append(r))
del c
events.append(("collected", gc.collect()))
events.append(len(saved))
print(events)

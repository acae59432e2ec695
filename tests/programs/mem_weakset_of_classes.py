# A registry of live instances in a WeakSet, as class-level tracking code does.
import gc
import weakref


class Tracked:
    instances = weakref.WeakSet()

    def __init__(self, name):
        self.name = name
        Tracked.instances.add(self)


gc.collect()
a = Tracked("a")
b = Tracked("b")
c = Tracked("c")
print(len(Tracked.instances), sorted(t.name for t in Tracked.instances))
del b
print(len(Tracked.instances), sorted(t.name for t in Tracked.instances))
c.me = c
del c
print(len(Tracked.instances))
print(gc.collect(), len(Tracked.instances), sorted(t.name for t in Tracked.instances))

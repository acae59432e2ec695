# With a small threshold, automatic collections happen at predictable allocations.
import gc


class Node:
    pass


collections = []


def cb(phase, info):
    if phase == "stop":
        collections.append((info["generation"], len(keep)))


gc.collect()
gc.set_threshold(5, 2, 2)
gc.callbacks.append(cb)
keep = []
for i in range(40):
    keep.append(Node())
c1 = gc.get_count()
gc.callbacks.remove(cb)
c2 = gc.get_count()
gc.set_threshold(700, 10, 10)
c3 = gc.get_count()
print(collections)
print(c1, c2, c3)

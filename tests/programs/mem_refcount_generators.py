# A suspended generator holds its frame's references; closing releases them.
import sys


class Item:
    pass


def gen(obj):
    holder = [obj]
    yield 1
    yield 2


it = Item()
base = sys.getrefcount(it)
g = gen(it)
out = [sys.getrefcount(it) - base]
next(g)
out.append(sys.getrefcount(it) - base)
next(g)
out.append(sys.getrefcount(it) - base)
g.close()
out.append(sys.getrefcount(it) - base)
g2 = gen(it)
next(g2)
del g2
out.append(sys.getrefcount(it) - base)
g3 = (x for x in [it, it])
out.append(sys.getrefcount(it) - base)
first = next(g3)
out.append(sys.getrefcount(it) - base)
print(out)

# finalize: detach, peek, calling it early, and what stays alive.
import sys
import weakref


class Res:
    pass


def cleanup(tag):
    print("cleanup", tag)
    return tag.upper()


r = Res()
f = weakref.finalize(r, cleanup, "a")
obj, func, args, kwargs = f.peek()
print(obj is r, func is cleanup, args, kwargs)
del obj
print(f.alive, f(), f.alive, f(), f.peek())
g = weakref.finalize(r, cleanup, tag="b")
d = g.detach()
print(d[0] is r, d[3], g.alive, g.detach(), g())
del d
h = weakref.finalize(r, cleanup, "c")
print(repr(h).split(";")[1].split(" at ")[0], sys.getrefcount(r))
del r
print(h.alive, repr(h).endswith("dead>"))

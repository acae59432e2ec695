# A function that refers to itself through its closure forms a cycle.
import gc
import weakref


class Marker:
    pass


def make():
    m = Marker()

    def recurse(n):
        return recurse(n - 1) if n else m

    return recurse, weakref.ref(m)


gc.collect()
f, wm = make()
alive1 = wm() is not None
del f
alive2 = wm() is not None
found = gc.collect()
alive3 = wm() is not None
print(alive1, alive2, found, alive3)

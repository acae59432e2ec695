# A finalizer whose callback refers to the object keeps it alive forever (until exit).
import gc
import sys
import weakref


class R:
    def close(self):
        print("closed")


def cleanup(obj):
    print("cleanup called with", type(obj).__name__)


r = R()
f = weakref.finalize(r, cleanup, r)
rc = sys.getrefcount(r)
del r
gc.collect()
print(f.alive, rc)
r2 = R()
g = weakref.finalize(r2, r2.close)
del r2
gc.collect()
print(g.alive)
print("end")

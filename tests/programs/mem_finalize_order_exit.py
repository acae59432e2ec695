# Several finalizers: run at death in creation order of deaths; the rest at exit, newest first.
import weakref


class R:
    def __init__(self, n):
        self.n = n


def done(n):
    print("finalized", n)


rs = [R(i) for i in range(5)]
fs = [weakref.finalize(r, done, r.n) for r in rs]
rs.pop(2)
rs.pop(0)
print([f.alive for f in fs])
fs[4].atexit = False
print("exiting")

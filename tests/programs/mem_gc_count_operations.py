# Generation-0 count changes of common operations (after gc.collect() empties the free lists).
import gc


class K:
    def m(self):
        pass


def f():
    pass


gc.collect()
k = K()
results = []


def measure(label, fn):
    c0 = gc.get_count()[0]
    fn()
    results.append((label, gc.get_count()[0] - c0))


measure("call", f)
measure("method call", k.m)
measure("new list kept", lambda: results.append([]) or results.pop())
measure("tuple", lambda: (1, [2]))
measure("dict()", dict)
measure("set()", set)
measure("K()", K)
measure("closure", lambda: (lambda: k))
measure("generator", lambda: (x for x in ()))
measure("bound method", lambda: k.m)
for r in results:
    print(r)

# Collections that happen deep in the call stack (inside __init__, a sort key, a map
# function, __add__, a generator), automatic and explicit: the results and the collector's
# counts are python3's.
import gc

gc.collect()
found = []


class Node:
    def __init__(self, n):
        self.items = []
        for i in range(n):
            self.items.append([i, {"k": i}])
        self.me = self
        if n == 7:
            found.append(gc.collect())


class Num:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        junk = [[j] for j in range(200)]
        found.append(gc.collect(0) >= 0)
        return Num(self.v + other.v + len(junk) * 0)


def key(x):
    for i in range(2):
        pass
    return -x[0]


def gen(n):
    for i in range(n):
        cyc = []
        cyc.append(cyc)
        yield i


nodes = [Node(n) for n in range(30)]
del nodes
data = [[i] for i in range(3000)]
data.sort(key=key)
first = sorted(data, key=key)[0]
mapped = list(map(key, data))[:2]
total = Num(1) + Num(2)
g = sum(gen(2000))
after = gc.collect()
print(found, first, mapped, total.v, g, after)

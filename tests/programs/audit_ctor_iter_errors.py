# Constructors and consumers fed by an iterator that fails part-way release what they built
# so far (PySequence_Tuple's partial tuple, a list's items, a dict's entries): the blocks and
# the refcounts of the yielded objects come back to where they were.
import gc
import sys

shared = object()


class It:
    def __init__(self, k=3):
        self.n = 0
        self.k = k

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n > self.k:
            raise ValueError("boom")
        return (self.n, [self.n], shared)

    def __length_hint__(self):
        return 2


fs = [lambda: list(It()), lambda: list(It(40)), lambda: [*It(5)], lambda: (*It(7),),
      lambda: frozenset(x[0] for x in It()), lambda: bytes(x[0] for x in It()),
      lambda: bytearray(x[0] for x in It()), lambda: min(It()),
      lambda: max(It(), key=lambda p: p[0]), lambda: list(enumerate(It())),
      lambda: list(filter(None, It())), lambda: any(It()), lambda: all(It()),
      lambda: [].extend(It()), lambda: set().update(x[0] for x in It()),
      lambda: dict(x[:2] for x in It()), lambda: {}.update(x[:2] for x in It())]
# Warm-up: the first exception raised through this loop allocates something on the host whose
# count depends on the script's path; keep it out of the measured region.
for f in fs[:1]:
    try:
        f()
    except Exception:
        pass
# dict(iterable) and dict.update(iterable) look up "keys" on the generator type; the first
# such lookup goes through CPython's method cache, whose slots depend on the names' addresses,
# and an eviction there can free an interned name's block at random (docs/cpython-facts.md,
# "Measuring"): look it up once here.
hasattr((x for x in ()), "keys")
gc.collect()
msgs = []
blocks = []
rc0 = sys.getrefcount(shared)
for f in fs:
    b0 = sys.getallocatedblocks()
    try:
        f()
    except Exception as e:
        msgs.append(type(e).__name__ + " " + str(e))
    blocks.append(sys.getallocatedblocks() - b0)
rc1 = sys.getrefcount(shared)
# tuple(): PySequence_Tuple's partial tuple is released on the error (refcounts only)
for k in (3, 30, 3, 25):
    try:
        tuple(It(k))
    except ValueError as e:
        msgs.append(str(e))
    try:
        tuple(x for x in It(k))
    except ValueError as e:
        msgs.append(str(e))
rc2 = sys.getrefcount(shared)
for m in msgs:
    print(m)
print("blocks", blocks, "refcount", rc1 - rc0, rc2 - rc0)

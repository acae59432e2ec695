import sys, gc
gc.collect()
def g0():
    yield 1
def g4(a, b):
    c = a + b
    d = c * 2
    yield c
    yield d
def big(*args, **kw):
    x = [args, kw]
    for i in x:
        yield (i, [i, i], {i: i} if False else None)
sizes = [sys.getsizeof(g0()), sys.getsizeof(g4(1, 2)), sys.getsizeof(big())]
before = gc.get_count()[0]
gens = [g0() for _ in range(5)]
after = gc.get_count()[0]
del gens
after_del = gc.get_count()[0]
print(sizes, after - before, after_del - before)

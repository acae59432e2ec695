import sys, gc
gc.collect()
def gen(o):
    yield sys.getrefcount(o)
    yield sys.getrefcount(o)
x = []
a = sys.getrefcount(x)
g = gen(x)
b = sys.getrefcount(x)
v1 = next(g)
v2 = next(g)
del g
c = sys.getrefcount(x)
c0 = gc.get_count()
g2 = gen(x)
c1 = gc.get_count()
print(a, b, v1, v2, c, c1[0] - c0[0])

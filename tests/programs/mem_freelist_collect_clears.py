import gc
gc.collect()
def f(x):
    return x + 0.5
a = f(1.0)
ia = id(a)
del a
gc.collect(1)
b = f(2.0)
r1 = id(b) == ia
del b
gc.collect()
c = f(3.0)
r2 = id(c) == ia
print(r1, r2)

import gc
gc.collect()
gc.disable()
def make(v):
    return v * 1.5
a = make(1.0); b = make(2.0); c = make(3.0)
ia, ib, ic = id(a), id(b), id(c)
del a, b, c
x = make(4.0); y = make(5.0); z = make(6.0)
print(id(x) == ic, id(y) == ib, id(z) == ia)
gc.enable()

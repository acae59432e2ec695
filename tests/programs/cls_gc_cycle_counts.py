import gc
gc.collect()
class A:
    pass
a = A(); b = A()
a.o = b; b.o = a
del a, b
n1 = gc.collect()
a = A(); b = A()
a.o = b; b.o = a
a.__dict__; b.__dict__
del a, b
n2 = gc.collect()
s = A(); s.me = s
del s
n3 = gc.collect()
print(n1, n2, n3)

import sys, gc
def f(a, b=2):
    c = a + b
    d = locals()
    print(sorted(d), d is locals(), sys.getrefcount(d))
    exec("e = c * 10")
    print(locals()["e"], sorted(locals()))
    del c
    print(sorted(locals()))
    print(eval("a + b"))
    return d
r = f(1)
print(sys.getrefcount(r), sorted(r))
def g():
    x = 1
    def h():
        return x
    print(sorted(locals()))
    return h
g()
def gen():
    y = 5
    yield locals()
    y = 6
    yield locals()
it = gen()
a = next(it)
print(a)
b = next(it)
print(a is b, a)
del it
print(sys.getrefcount(a))
def frame_locals():
    q = 9
    fr = sys._getframe()
    return fr.f_locals is fr.f_locals, fr
same, fr = frame_locals()
print(same, sorted(fr.f_locals))
del fr
gc.collect()
class K:
    z = 3
    print(sorted(locals()))
    exec("w = z + 1")
print(K.w)
print(vars() is globals())
def v():
    t = 1
    return vars()
print(v())

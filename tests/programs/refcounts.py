import sys

o = [1, 2]
print(sys.getrefcount(o))
lst = [o]
print(sys.getrefcount(o))
d = {"k": o}
print(sys.getrefcount(o))
t = (o, o)
print(sys.getrefcount(o))
del t
print(sys.getrefcount(o))
d["k"] = None
print(sys.getrefcount(o))
lst3 = [o] * 3
print(sys.getrefcount(o))


def g(x):
    return sys.getrefcount(x)


print(g(o))


def h(*args):
    return sys.getrefcount(args[0])


print(h(o))
print(sys.getrefcount([]))
print(sys.getrefcount(object()))
v = 12345678
print(sys.getrefcount(v))


def f():
    return sys.getrefcount(98765)


print(f())
print(sys.getrefcount(1) > 10**9)

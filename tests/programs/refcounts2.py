import sys


class_like = {}
o = []
counts = []
counts.append(sys.getrefcount(o))
for item in [o, o]:
    counts.append(sys.getrefcount(o))
counts.append(sys.getrefcount(o))


def takes(a, b):
    return sys.getrefcount(a), sys.getrefcount(b)


counts.append(takes(o, o))


def kw(a, *, b):
    return sys.getrefcount(b)


counts.append(kw(1, b=o))


def star(*args, **kwargs):
    return sys.getrefcount(kwargs["x"])


counts.append(star(x=o))
d = {o_key: 1 for o_key in ["k"]}
counts.append(sys.getrefcount(d))
s = "some string"
counts.append(sys.getrefcount(s))
n = 1000
counts.append(sys.getrefcount(n))
m = n + 1
counts.append(sys.getrefcount(m))
t = (o, [o])
counts.append(sys.getrefcount(o))
del t
counts.append(sys.getrefcount(o))


def closure():
    v = []

    def inner():
        return v
    return sys.getrefcount(v), inner


counts.append(closure()[0])
it = iter(o)
counts.append(sys.getrefcount(o))
del it
counts.append(sys.getrefcount(o))
print(counts)

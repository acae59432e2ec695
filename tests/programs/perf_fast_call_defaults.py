# Plain positional calls that take missing arguments from the defaults: values, the shared
# mutable default, the defaults' refcounts inside and after the call, methods with defaults,
# and the argument-count errors that still take the general path.
import sys

seen = []


def f(a, b=2, c=[]):
    c.append(a)
    seen.append(sys.getrefcount(c))
    return a + b, len(c)


def g(x, y=10, z=None):
    return x * y if z is None else z


sentinel = object()


def h(k=sentinel):
    return sys.getrefcount(k)


class K:
    def m(self, k=7, j=(1, 2)):
        return k, j


d = []
before = sys.getrefcount(sentinel)
inside = h()
after = sys.getrefcount(sentinel)
r = [f(1), f(1, 5), f(2, 3, d), g(3), g(3, 4), g(1, 2, 3), K().m(), K().m(1)]
errs = []
for call in (lambda: f(), lambda: g(1, 2, 3, 4), lambda: K().m(1, 2, 3)):
    try:
        call()
    except TypeError as e:
        errs.append(str(e))
print(r)
print(seen, inside - before, after - before, len(f.__defaults__[1]))
print(errs)

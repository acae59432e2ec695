# The loop's call, return and iteration fast paths: plain positional calls, release order of
# locals at return (seen through __del__), recursion limits, errors raised on inline paths and
# their line numbers, list/tuple/range/generator iteration, unpacking, closures.
import sys

log = []


class D:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        log.append(self.name)


def locals_die(a, b):
    c = D("c")
    d = D("d")
    return a.name + b.name


r1 = locals_die(D("a"), D("b"))
log.append("|")


def early(x):
    for k in [D("it1"), D("it2")]:
        if k.name == "it1":
            return x
    return None


early(1)
log.append("|")


def depth(n):
    return depth(n + 1)


try:
    depth(0)
    rec = "none"
except RecursionError as e:
    rec = str(e)


def unbound():
    if False:
        y = 1
    return y


def unknown():
    return not_defined_anywhere + 1


errs = []
for fn in (unbound, unknown):
    try:
        fn()
    except Exception as e:
        tb = e.__traceback__
        while tb.tb_next is not None:
            tb = tb.tb_next
        errs.append((type(e).__name__, str(e), tb.tb_lineno))


def gen(n):
    for k in range(n):
        yield k * k


total = 0
for v in gen(10):
    total += v
lst = [1, 2, 3]
seen = []
for v in lst:
    seen.append(v)
    if v == 1:
        lst.append(4)
tup_sum = 0
for v in (5, 6, 7):
    tup_sum += v
pairs = [(1, "a"), (2, "b")]
unp = []
for n, s in pairs:
    unp.append(s * n)
try:
    a, b = (1, 2, 3)
except ValueError as e:
    unp.append(str(e))
try:
    a, b, c = [1, 2]
except ValueError as e:
    unp.append(str(e))


def counter():
    c = 0

    def inc(k):
        nonlocal c
        c = c + k
        return c
    return inc


inc = counter()
cl = [inc(1), inc(2), inc(3)]
xs = [10, 20, 30]
xs[-1] = xs[0] + xs[-2]
idx = (xs[1], xs[-3], (4, 5, 6)[2])
try:
    xs[3] = 1
except IndexError as e:
    idx += (str(e),)
rc = sys.getrefcount(D)
objs = [D("z%d" % k) for k in range(3)]
del objs
print(r1, log, rec)
print(errs)
print(total, seen, tup_sum, unp, cl, xs, idx, sys.getrefcount(D) - rc)

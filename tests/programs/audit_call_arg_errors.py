# A call that fails while binding its arguments releases each argument exactly once: the
# refcounts after the errors equal those before, whichever check failed.
import sys

x = object()
y = object()


def one(a):
    return a


def kwonly(a, /, b, *, c):
    return a, b, c


def varkw(a, **kw):
    return a, kw


calls = [
    lambda: one(x, y),
    lambda: one(x, y, x),
    lambda: one(),
    lambda: one(x, a=y),
    lambda: one(b=x),
    lambda: kwonly(x, y, x),
    lambda: kwonly(x, y),
    lambda: kwonly(x, b=y),
    lambda: kwonly(x, y, c=x, d=y),
    lambda: varkw(x, y, z=x),
    lambda: varkw(x, a=y),
]
before = (sys.getrefcount(x), sys.getrefcount(y))
messages = []
for call in calls:
    try:
        call()
    except TypeError as exc:
        messages.append(str(exc))
after = (sys.getrefcount(x), sys.getrefcount(y))
for m in messages:
    print(m)
print(after[0] - before[0], after[1] - before[1])

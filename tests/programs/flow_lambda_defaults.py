def make(n, *, scale=2, **opts):
    return lambda x, y=n: (x + y) * scale + len(opts)

f = make(3, scale=10, a=1)
print(f(1), f(1, 1))

def defaults_shared(item, acc=[]):
    acc.append(item)
    return acc
print(defaults_shared(1), defaults_shared(2), defaults_shared.__defaults__)

def kwonly(a, /, b, *, c):
    return a, b, c
print(kwonly(1, 2, c=3), kwonly(1, b=2, c=3))
errors = []
for call in (lambda: kwonly(1, 2, 3), lambda: kwonly(1, 2)):
    try:
        call()
    except TypeError as e:
        errors.append(str(e))
for e in errors:
    print(e)

def star(*args, **kw):
    return args, sorted(kw.items())
print(star(*[1, 2], *(3,), **{"z": 1}, **{"y": 2}))
sort_key = sorted(["bb", "a", "ccc"], key=lambda s: -len(s))
print(sort_key)

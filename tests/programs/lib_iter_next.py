it = iter([1, 2])
print(next(it), next(it), next(it, "end"), next(it, None))
s = iter("ab")
print(next(s), list(s), list(s))
def gen():
    yield 1
    return 5
g = gen()
print(next(g), next(g, "default"))
try:
    next(iter([]))
except StopIteration as e:
    print("StopIteration", e.args)
try:
    next([1])
except TypeError as e:
    print(e)
try:
    iter(5)
except TypeError as e:
    print(e)
d = iter({"k": 1, "j": 2})
print(next(d), next(d), next(d, 0))

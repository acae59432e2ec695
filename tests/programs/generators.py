import sys
def g(n):
    for i in range(n):
        x = yield i
        if x:
            print("got", x)
    return "done"
print(list(g(3)), sum(i * i for i in range(10)), sys.getsizeof(g(1)), sys.getsizeof(x for x in []))
it = g(2)
print(next(it), next(it))
try:
    next(it)
except StopIteration as e:
    print("stop", e.args)
def deleg():
    r = yield from g(2)
    print("r", r)
    yield from [7, 8]
print(list(deleg()))
print(max(len(w) for w in ["a", "bcd"]), any(c == "z" for c in "abc"), tuple(c for c in "ab"))
gen = (i for i in range(5))
print(next(gen), sys.getrefcount(gen))
del gen
def counter():
    i = 0
    while True:
        i += 1
        yield i
c = counter()
print([next(c) for _ in range(3)])

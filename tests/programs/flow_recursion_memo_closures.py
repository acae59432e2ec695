import sys

def memoize(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper

@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(60), len(fib.cache))

def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
print(ackermann(2, 3))

def flatten(x):
    if isinstance(x, list):
        out = []
        for item in x:
            out.extend(flatten(item))
        return out
    return [x]
print(flatten([1, [2, [3, [4, [5]]]], 6]))

def depth_of(n):
    return 1 if n == 0 else 1 + depth_of(n - 1)
print(depth_of(500), sys.getrecursionlimit())

def counter_chain():
    def make(level):
        if level == 0:
            return lambda: 0
        inner = make(level - 1)
        return lambda: inner() + 1
    return make(50)()
print(counter_chain())

# Closures and higher-order calls: cells, nonlocal, lambdas, builtins taking
# callables (sorted with key, map, filter), and functions returning functions.
def make_counter(step):
    count = 0

    def bump():
        nonlocal count
        count += step
        return count
    return bump


def compose(f, g):
    return lambda x: f(g(x))


def memo_fib():
    cache = {}

    def fib(n):
        if n in cache:
            return cache[n]
        r = n if n < 2 else fib(n - 1) + fib(n - 2)
        cache[n] = r
        return r
    return fib


def run(n):
    counters = [make_counter(k) for k in range(1, 6)]
    total = 0
    for i in range(n):
        total += counters[i % 5]()
    inc = lambda x: x + 1
    dbl = lambda x: x * 2
    f = compose(inc, dbl)
    g = compose(dbl, inc)
    s = 0
    for i in range(n):
        s += f(i) - g(i)
    data = list(range(n // 4))
    keyed = sorted(data, key=lambda x: (x * 37) % 101)
    mapped = sum(map(lambda x: x % 7, data))
    kept = len(list(filter(lambda x: x % 3 == 0, data)))
    fibs = [memo_fib()(k) for k in range(60)]
    return total, s, keyed[:3], mapped, kept, fibs[-1] % 1000


print(run(120000))

def add(a, b=10, *args, c=3, **kw):
    return a + b + sum(args) + c + len(kw)


print(add(1))
print(add(1, 2))
print(add(1, 2, 3, 4))
print(add(1, c=100))
print(add(1, 2, x=1, y=2))
print(add(*[1, 2, 3], **{"c": 0}))


def make_counter():
    count = 0

    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc


c = make_counter()
c()
c()
print(c(5))


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print([fib(i) for i in range(15)])
sq = {x: x * x for x in range(5)}
print(sq)
print({x % 3 for x in range(10)})
print(sorted([3, 1, 2], reverse=True), sorted(["b", "a", "C"], key=str.lower))
print(list(map(lambda x: x * 2, [1, 2, 3])), list(filter(None, [0, 1, 2, 0])))
print(max([1, 5, 3]), min(4, 2, 8), max("abc", key=len), min([], default=7))

def numbers(limit):
    n = 0
    while n < limit:
        yield n
        n += 1

def squares(src):
    for v in src:
        yield v * v

def evens(src):
    return (v for v in src if v % 2 == 0)

def batched(src, size):
    batch = []
    for v in src:
        batch.append(v)
        if len(batch) == size:
            yield tuple(batch)
            batch = []
    if batch:
        yield tuple(batch)

print(list(batched(evens(squares(numbers(12))), 2)))

def walk(tree, depth=0):
    name, children = tree
    yield depth, name
    for child in children:
        yield from walk(child, depth + 1)

tree = ("root", [("a", [("a1", []), ("a2", [])]), ("b", [("b1", [("b11", [])])])])
for depth, name in walk(tree):
    print("  " * depth + name)

def averager():
    total = count = 0
    avg = None
    while True:
        value = yield avg
        if value is None:
            return (count, avg)
        total += value
        count += 1
        avg = total / count

avg = averager()
next(avg)
print([avg.send(v) for v in (10, 20, 60)])
try:
    avg.send(None)
except StopIteration as e:
    print("result", e.value)

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(12)])

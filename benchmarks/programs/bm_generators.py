# Generators: a pipeline of generator functions, yield from delegation,
# send(), generator expressions and comprehensions consuming generators.
def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


def squares(it):
    for x in it:
        yield x * x


def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x


def chain(*iterables):
    for it in iterables:
        yield from it


def running_total():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x


def pipeline(n):
    return sum(evens(squares(numbers(n))))


def accumulate(n):
    acc = running_total()
    next(acc)
    for i in range(n):
        acc.send(i)
    try:
        acc.send(None)
    except StopIteration as stop:
        return stop.value


def flatten(tree):
    for item in tree:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item


tree = [[i, [i + 1, [i + 2]]] for i in range(6000)]
print(pipeline(150000), accumulate(80000), sum(flatten(tree)),
      sum(x for x in chain(range(15000), numbers(15000)) if x % 3),
      max(len(str(x)) for x in numbers(40000)))

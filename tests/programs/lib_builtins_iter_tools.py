data = [3, 1, 4, 1, 5, 9, 2, 6]
print(list(enumerate(data, start=10))[:3])
print(list(map(lambda x, y: x * y, data, range(3))))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])))
print(list(filter(lambda v: v > 3, data)))
print(list(zip("abc", data, range(100))))
print(list(reversed(data)), list(reversed(range(4))), list(reversed("abc")))
print(any(x > 8 for x in data), all(x > 0 for x in data), any([]), all([]))
print(sum(data), sum(data, 100), sum([[1], [2]], []), sum([0.1] * 3))
print(min(data), max(data), min([], default="empty"), max("hello"), min(3, 1, 2))
print(divmod(17, 5), divmod(-17, 5), pow(2, 10), pow(2, 10, 1000), pow(2, -1, 7), abs(-3.5))
print(round(2.5), round(3.5), round(2.675, 2), round(1234, -2), round(-0.5))
print(list(iter([1, 2].__iter__())), len(range(0, 100, 7)), range(10)[2:8:2])
print(sorted(set(data)), list(dict.fromkeys(data)))
for fn in (lambda: min([]), lambda: max(), lambda: sum(["a"], ""), lambda: next(iter([]))):
    try:
        fn()
    except (ValueError, TypeError, StopIteration) as e:
        print(type(e).__name__, e)

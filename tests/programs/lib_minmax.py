print(min([3, 1, 2]), max([3, 1, 2]), min(3, 1, 2), max("abc"), min("b", "a", "c"))
print(min([], default=0), max([], default=None), max([1, 5, 3], key=lambda x: -x))
print(min(["bb", "a", "ccc"], key=len), max([(1, "b"), (1, "a")]), max([2, 2.0]), min([2.0, 2]))
first = [1, 1]
second = [1, 1]
print(max([first, second]) is first, min(first, second) is first)
try:
    min([])
except ValueError as e:
    print(e)
try:
    max(1, 2, default=0)
except TypeError as e:
    print(e)
try:
    min([1, "a"])
except TypeError as e:
    print(e)
try:
    max()
except TypeError as e:
    print(e)

import sys
print(sum([1, 2, 3]), sum([1, 2, 3], 10), sum([0.1] * 10), sum([1, 2.5, 3]), sum([True, True, 3]))
print(sum([[1], [2, 3]], []), sum(((1,), (2,)), ()), sum(range(101)), sum([], 0.5), sum([2 ** 64, 1]))
print(sum([1.5, 2, 3 ** 40]), sum([1, 2], start=3), sum(x * x for x in range(4)), sum([1j, 2]))
big = sum([2 ** 62, 2 ** 62])
print(big, sys.getsizeof(big))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print(e)
try:
    sum(["a"])
except TypeError as e:
    print(e)

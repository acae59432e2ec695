import sys
r = range(2, 20, 3)
print(len(r), list(r), r[1], r[-1], 5 in r, 6 in r, len(range(0)), len(range(10, 0, -2)))
print(len("héllo"), len([1, 2]), len({1: 2}), len(set()), len(b"ab"), len(bytearray(3)), len(range(-5)))
print(range(5), range(1, 5), range(1, 10, 2), sys.getsizeof(range(10)))
try:
    len(5)
except TypeError as e:
    print(e)
try:
    range(1, 2, 0)
except ValueError as e:
    print(e)
try:
    range(1.5)
except TypeError as e:
    print(e)

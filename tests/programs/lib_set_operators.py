a = {1, 2, 3, 4}
b = frozenset([3, 4, 5])
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(type(a | b).__name__, type(b | a).__name__, type(b & a).__name__)
print(a <= {1, 2, 3, 4, 5}, a < a, a >= {1}, b > frozenset([3]), a == {4, 3, 2, 1}, b != a)
a |= {9}
a &= {1, 2, 9, 10}
a -= {1}
a ^= {2, 77}
print(sorted(a))
try:
    a | [1]
except TypeError as e:
    print(e)

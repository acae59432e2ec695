import sys
print(list(enumerate("abc")), list(enumerate(["x", "y"], start=10)), list(enumerate([], 5)))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip(range(3))), list(zip("ab", "cd", "ef")))
e = enumerate("xy")
z = zip("ab", "cd")
print(sys.getsizeof(e), sys.getsizeof(z), next(e), next(z))
print(dict(zip("abc", range(3))), [i * c for i, c in enumerate("abc", 1)])
try:
    zip(1)
except TypeError as e:
    print(e)
try:
    enumerate("a", 1.5)
except TypeError as e:
    print(e)

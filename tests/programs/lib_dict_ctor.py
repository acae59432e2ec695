import sys
g = sys.getsizeof
a = dict()
b = dict(a=1, b=2)
c = dict([("x", 1), ("y", 2)])
d = dict({"k": "v"}, extra=1)
e = dict(zip("abcdefg", range(7)))
f = dict(((i, i * i) for i in range(3)))
print(a, b, c, d, e, f)
print(g(a), g(b), g(c), g(d), g(e), g(f))
try:
    dict([("a", 1, 2)])
except ValueError as ex:
    print(ex)
try:
    dict(1, 2)
except TypeError as ex:
    print(ex)

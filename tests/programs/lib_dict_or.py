a = {"x": 1, "y": 2}
b = {"y": 20, "z": 30}
c = a | b
print(c, a, b)
a |= b
print(a)
try:
    a | [("q", 1)]
except TypeError as e:
    print(e)

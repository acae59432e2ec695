import sys
s = "alpha beta gamma delta"
parts = s.split()
a = sys.getsizeof(parts)
b = sys.getsizeof(s.split(maxsplit=1))
c = sys.getsizeof(s.split(" ", 0))
d = sys.getsizeof(" ".join(str(i) for i in range(20)).split())
e = sys.getsizeof("x,y,z".split(","))
f = sys.getsizeof("a\nb\nc\nd\ne".splitlines())
g = sys.getsizeof(s.rsplit(None, 2))
h = sys.getsizeof("".split())
print(parts, a, b, c, d, e, f, g, h)

import sys
d = {}
for i, ch in enumerate("abcdef"):
    d[ch] = i
out = []
while d:
    out.append(d.popitem())
print(out)
d2 = dict.fromkeys(range(10))
del d2[3], d2[7]
d2[100] = "x"
print(list(d2), d2.popitem(), sys.getsizeof(d2))
e = {"only": 1}
k, v = e.popitem()
print(k, v, e, sys.getsizeof(e))

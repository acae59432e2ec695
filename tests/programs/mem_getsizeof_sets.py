import sys
out = []
s = set()
for i in range(25):
    out.append(sys.getsizeof(s))
    s.add(i)
for n in range(0, 22):
    out.append(sys.getsizeof(set(range(n))))
    out.append(sys.getsizeof(frozenset(range(n))))
out.append(sys.getsizeof({1, 2, 3}))
a, b, c, d, e, f = 1, 2, 3, 4, 5, 6
out.append(sys.getsizeof({a, b, c, d, e, f}))
s2 = set(range(100))
for i in range(90):
    s2.discard(i)
out.append(sys.getsizeof(s2))
s2.clear()
out.append(sys.getsizeof(s2))
print(out)

import sys
caps = []
l = []
prev = None
for i in range(200):
    s = sys.getsizeof(l)
    if s != prev:
        caps.append((len(l), (s - 56) // 8))
        prev = s
    l.append(None)
print(caps)
e = [0]
e.extend([1])
f = []
f.extend(range(7))
g = [1, 2, 3]
h = [g[0], g[1], g[2]]
print(sys.getsizeof(e), sys.getsizeof(f), sys.getsizeof(g), sys.getsizeof(h), sys.getsizeof(g * 2), sys.getsizeof(g + h), sys.getsizeof(sorted(g)), sys.getsizeof(g[:]))

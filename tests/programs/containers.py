d = {}
d["x"] = 1
d["y"] = 2
d.update({"z": 3})
print(d, len(d), d.get("q", 0), d.pop("x"), d)
print(d.setdefault("w", []), d)
del d["w"]
print("y" in d, "x" in d)
l = [5, 3, 8]
l.sort()
l.insert(0, 1)
l.extend((9, 10))
print(l, l.pop(), l.pop(0), l, l.index(8))
l.remove(8)
l[0] = 42
del l[1]
print(l, l[::-1], l[1:], l * 2, l + [0])
t = (1, 2, 3)
a, b, c = t
first, *rest = [1, 2, 3, 4]
print(a, b, c, first, rest, t[1:], t + (4,), t.count(2))
s = {1, 2, 3}
s.add(4)
s.discard(1)
print(s, s | {9}, s & {2, 3}, s - {2}, {1, 2} <= {1, 2, 3})
print(list(range(2, 10, 3)), tuple("ab"), dict(a=1), set([1, 1, 2]))
m = [[0] * 2 for _ in range(2)]
m[0][1] = 5
print(m, [[1, 2], [3]] == [[1, 2], [3]])
print(isinstance(1, int), isinstance(True, int), isinstance("s", (int, str)), type(1.0))
print(abs(-3), hash(1), round(2.567, 2), divmod(7, 2), 2 ** 10, 7 // 2, -7 % 3, 1e3)

import sys
g = sys.getsizeof
a = set("mississippi")
b = set({"k": 1, "j": 2})
c = set(x % 3 for x in range(10))
d = set(range(100))
e = frozenset(a)
f = set(a)
print(sorted(a), sorted(b), sorted(c), len(d), sorted(e), f == a, f is a)
print(g(a), g(b), g(c), g(d), g(e), g(f))
s = set()
s.update(range(3), "ab", {9: 0})
print(sorted(map(str, s)), g(s))

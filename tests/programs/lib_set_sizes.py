import sys
g = sys.getsizeof
a = [g(set(range(n))) for n in range(0, 21, 2)]
s = set()
grow = []
for i in range(40):
    s.add(i)
    grow.append(g(s))
b = g(set("hello world"))
c = g({1, 2, 3} | {4, 5, 6})
s.clear()
d = g(s)
print(a, sorted(set(grow)), b, c, d)

import sys
s = "alpha beta"
parts = s.split()
r1 = sys.getrefcount(parts)
r2 = sys.getrefcount(parts[0])
lst = [3, 1, 2]
srt = sorted(lst)
r3 = sys.getrefcount(srt)
t = tuple(lst)
r4 = sys.getrefcount(t)
d = {"a": 1}
k = d.keys()
r5 = sys.getrefcount(d)
big = 10 ** 12
q, r = divmod(big, 7)
r6 = sys.getrefcount(q)
j = "-".join(["x", "y"])
r7 = sys.getrefcount(j)
print(r1, r2, r3, r4, r5, r6, r7)

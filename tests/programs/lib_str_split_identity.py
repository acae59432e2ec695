import sys
s = "".join(["no", "spaces", "here"])
r1 = s.split()[0] is s
r2 = s.split(",")[0] is s
r3 = s.rsplit("x")[0] is s
r4 = s.splitlines()[0] is s
t = " padded "
r5 = t.split()[0] is t
parts = "a b".split()
r6 = sys.getrefcount(s)
print(r1, r2, r3, r4, r5, parts, r6)

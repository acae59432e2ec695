import sys
s = "".join(["key", "=", "value", "=", "x"])
sep = "".join(["=", ""])
p = s.partition("=")
q = s.rpartition("=")
print(p, q, s.partition("#"), s.rpartition("#"))
r = s.partition("zz")
print(r[0] is s, r[1] == "", s.rpartition("zz")[2] is s)
print(sys.getsizeof(p), len(q))
try:
    s.partition("")
except ValueError as e:
    print(e)

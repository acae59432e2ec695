import sys
groups = {}
words = ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]
for w in words:
    groups.setdefault(w[0], []).append(w)
print(groups)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
v = []
d = {}
d.setdefault("k", v)
d.setdefault("k", [1])
print(d["k"] is v, sys.getrefcount(v))

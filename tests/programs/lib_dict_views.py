import sys
d = {"a": 1, "b": 2, "c": 3}
k, v, i = d.keys(), d.values(), d.items()
print(list(k), list(v), list(i), len(k), "a" in k, 2 in v, ("a", 1) in i)
print(sys.getsizeof(k), sys.getsizeof(v), sys.getsizeof(i), d.keys() is d.keys())
d["d"] = 4
print(list(k), list(v), list(i))
print(k.isdisjoint({"x"}), k.isdisjoint(["a"]), i.isdisjoint([("a", 1)]))
print(sys.getrefcount(d))

import sys
d1 = dict.fromkeys("abc")
d2 = dict.fromkeys(["x", "y"], 0)
d3 = dict.fromkeys(range(7), [])
d4 = dict.fromkeys({1, 2, 3}, "v")
d5 = dict.fromkeys({"k": 1, "j": 2})
print(d1, d2, d3[0] is d3[6], d4, d5)
print([sys.getsizeof(d) for d in (d1, d2, d3, d4, d5)])

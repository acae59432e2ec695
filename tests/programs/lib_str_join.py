import sys
items = ["a", "b", "c"]
j = ", ".join(items)
print(j, "".join(items), "-".join("xyz"), "+".join(str(i) for i in range(5)))
one = "".join(["solo" + "x"])
t = "solo" + "x"
print(" ".join([t]) is t, "".join([]) == "", len(", ".join(["x"] * 100)))
d = {"k1": 1, "k2": 2}
print("/".join(d), ",".join(sorted({"b", "a"})))
try:
    ",".join(["a", 1])
except TypeError as e:
    print(e)
try:
    ",".join(5)
except TypeError as e:
    print(e)

d = {"a": 1, "b": 2, "c": 3}
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("d", 4), d.setdefault("a", 100))
print(d.pop("b"), d.pop("zz", None), d.popitem(), d)
d.update({"x": 9}, y=8)
d.update([("p", 1), ("q", 2)])
d.update(z=0)
print(d, len(d))
e = d.copy()
e.clear()
print(e, d == e, "x" in d, list(d), list(d.values()), list(d.items())[:2])
try:
    d.pop("nope")
except KeyError as ex:
    print("KeyError", ex)
try:
    {}.popitem()
except KeyError as ex:
    print("KeyError", ex)
try:
    d.update([(1, 2, 3)])
except ValueError as ex:
    print(ex)
try:
    d.update([1])
except TypeError as ex:
    print(ex)

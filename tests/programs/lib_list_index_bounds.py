l = list("abcabcabc")
print(l.index("b"), l.index("b", 2), l.index("b", 2, 5), l.index("c", -3), l.index("a", -100, 100))
for args in (("b", 8), ("b", 2, 4), ("z",), ("a", 1, 3)):
    try:
        print(l.index(*args))
    except ValueError as e:
        print("ValueError", e)
t = tuple(l)
print(t.index("c", 3), t.count("a"))
try:
    t.index("c", 9)
except ValueError as e:
    print(e)
try:
    l.index()
except TypeError as e:
    print(e)

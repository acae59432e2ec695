s = "Hello, World"
print(s.upper(), s.lower(), s.split(", "), "-".join(["a", "b", "c"]))
print(s[0], s[-1], s[2:5], s[::-1], len(s))
print(s.replace("l", "L"), s.startswith("He"), s.find("o"), s.count("l"))
name = "heap"
n = 3
print(f"{name} has {n} items, {n * 1.5:.2f} avg, {name!r:>10}|")
print("{} + {} = {}".format(1, 2, 3), "%s-%d" % ("x", 5))
print("  pad  ".strip() + "|", "a,b,,c".split(","))
a = "abc"
b = "ab" + "c"
print(a == b, a is b)
print(str(12), repr("q"), str(1.0), str(None), str([1, "a"]), repr((1,)))
print("x" * 3, 3 * "y", "abc" < "abd", "b" in "abc")
print(ord("a"), chr(98), "é".upper())

import sys
print(format(3.14159, ".3f"), format(42, "05d"), format(255, "x"), format("s", ">4"), format(1234567, ","))
print(format(True), format(None), format(1 + 2j), format(0.5, "%"), format(12, "b"))
s = "".join(["ab", "cd"])
print(format(s) is s, format(s, "") is s, format(s, "4") is s)
one = format(7)
print(one, sys.getrefcount(one))
try:
    format([1], "d")
except TypeError as e:
    print(e)
try:
    format(1, "z")
except ValueError as e:
    print(e)

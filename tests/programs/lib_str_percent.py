print("%s is %d years" % ("Bob", 42), "%5.2f|%-6s|%06d" % (3.14159, "ab", 42))
print("%x %o %X %e %r %c" % (255, 8, 255, 1234.5, "q", 65), "%%" % ())
print("%s" % [1, 2], "%s" % ((1, 2),), "%-4d|%+d" % (5, 5))
try:
    "%d" % "x"
except TypeError as e:
    print(e)
try:
    "%s %s" % ("a",)
except TypeError as e:
    print(e)
try:
    "%s" % ("a", "b")
except TypeError as e:
    print(e)

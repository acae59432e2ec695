import sys
a = f"{7}"
b = f"{7}"
c = format(7)
d = "%d" % 7
e = "%s" % 7
name = "abc"
same_s = "%s" % name
same_f = f"{name}"
same_fmt = format(name)
checks = [a is b, a == "7", c is a, d is e, same_s is name, same_f is name, same_fmt is name,
          f"{name:>5}" is name, f"{name:3}" is name]
refs = sys.getrefcount(a)
vals = ["%5.2f|%-4d|%x|%o|%e" % (3.14159, 42, 255, 8, 12345.678),
        "%(a)s-%(b)r" % {"a": 1, "b": "two"}, "%c%c" % (65, "b"), "%%", "%s" % (None,),
        f"{3.5:08.3f}", f"{255:#06x}", f"{1234567:,}", f"{0.25:.1%}", f"{'x'!r:>5}",
        format(True), format(2 + 3j), f"{-0.0}", format(10 ** 20, "_")]
errs = []
for fn in (lambda: "%d" % "x", lambda: "%s %s" % (1,), lambda: "%s" % (1, 2), lambda: format(1, "s"),
           lambda: "%z" % 1, lambda: f"{1:.2q}"):
    try:
        fn()
    except (TypeError, ValueError) as ex:
        errs.append((type(ex).__name__, str(ex)))
print(checks, refs)
for v in vals:
    print(v)
for x in errs:
    print(x)

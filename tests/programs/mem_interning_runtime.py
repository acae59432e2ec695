# Which strings are the same object: literals, runtime-built strings, sys.intern.
import sys


def make(n):
    return "ab" * n


a = "hello"
b = "hel" + "lo"
c = "".join(["hel", "lo"])
d = sys.intern(c)
e = make(2)
f = make(2)
g = "not an identifier!"
h = "not an identifier!"
out = [a is b, a is c, a is d, e is f, e == f, g is h]
out.append(sys.intern(e) is sys.intern(f))
out.append(str(7) is str(7))
A = "A"
out.append(chr(65) is A)
out.append(chr(200) is chr(200))
xs = "x"
out.append(xs[0] is xs)
a30 = "a" * 30
b30 = "a" * 30
out.append(a30 is b30)
n = 5000
out.append(("a" * n) is ("a" * n))
print(out)

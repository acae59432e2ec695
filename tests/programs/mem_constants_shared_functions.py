# Constants are shared across the functions of one compilation.
def f1():
    return 123456789


def f2():
    return 123456789


def t1():
    return (1, "two", 3.0)


def t2():
    return (1, "two", 3.0)


def s1():
    return "some text with spaces"


x = 123456789
text = "some text with spaces"
print(f1() is f2(), f1() is x, t1() is t2(), s1() is text)
print(f1.__code__.co_consts == f2.__code__.co_consts if hasattr(f1, "__code__") else True)
big = 1e300
print(big * 1 is big * 1, f1() + 0 is f1() + 0)

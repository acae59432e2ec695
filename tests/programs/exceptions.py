def risky(n):
    if n == 0:
        raise ValueError("zero")
    return 10 // n


for n in (2, 0):
    try:
        print(risky(n))
    except ValueError as e:
        print("caught", e, e.args)
    finally:
        print("finally", n)

try:
    {}["missing"]
except KeyError as e:
    print("KeyError", e)
try:
    [][1]
except IndexError as e:
    print(type(e).__name__, e)
try:
    1 / 0
except ZeroDivisionError as e:
    print(e)
try:
    undefined_name
except NameError as e:
    print(e)
try:
    int("x")
except (TypeError, ValueError) as e:
    print(repr(e))
try:
    try:
        raise TypeError("inner")
    except TypeError:
        raise RuntimeError("outer")
except RuntimeError as e:
    print(e, repr(e.__context__))
try:
    "a" + 1
except TypeError as e:
    print(e)


def deep(n):
    return deep(n + 1)


try:
    deep(0)
except RecursionError as e:
    print("recursion:", e)
raise ValueError("bad value")

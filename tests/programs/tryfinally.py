def f(n):
    try:
        if n:
            return "early"
        x = 1 / n
    except ZeroDivisionError:
        return "zero"
    finally:
        print("cleanup", n)


print(f(1))
print(f(0))
for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("fin", i)


def g():
    for i in range(5):
        try:
            if i == 2:
                break
        finally:
            print("g fin", i)
    return i


print(g())
try:
    try:
        raise KeyError("k")
    finally:
        print("inner finally")
except KeyError as e:
    print("outer caught", repr(e))
try:
    raise ValueError("a") from TypeError("b")
except ValueError as e:
    print(repr(e.__cause__))
e = None
try:
    raise IndexError
except IndexError as err:
    e = err
print(type(e).__name__, e.args)
assert True
try:
    assert 1 == 2, "math broke"
except AssertionError as a:
    print("assert:", a)

def g():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("caught", e)
        yield 10
    finally:
        print("finally")
    yield 20

it = g()
print(next(it))
print(it.throw(ValueError("boom")))
print(next(it))
try:
    it.throw(KeyError, "k")
except KeyError as e:
    print("propagated", repr(e))
try:
    next(it)
except StopIteration:
    print("exhausted")

def h():
    yield 1
x = h()
try:
    x.throw(RuntimeError("before start"))
except RuntimeError as e:
    print("unstarted", e)
print(list(x))

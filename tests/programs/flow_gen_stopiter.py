def bad():
    yield 1
    raise StopIteration("inside")
try:
    list(bad())
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)
def ret():
    yield 1
    return "value"
g = ret()
next(g)
try:
    next(g)
except StopIteration as e:
    print("value", e.value)
def deleg():
    r = yield from ret()
    print("delegated result", r)
print(list(deleg()))
g = ret()
print(list(g), list(g))
def running():
    yield gen.send(None)
gen = running()
try:
    next(gen)
except ValueError as e:
    print("ValueError:", e)

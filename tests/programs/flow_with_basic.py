class CM:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, tp, val, tb):
        print("exit", self.name, tp.__name__ if tp else None, val, tb is None)
        return self.swallow

with CM("a") as a:
    print("body", a.name)
with CM("b", True):
    raise ValueError("swallowed")
print("after b")
try:
    with CM("c"):
        raise KeyError("kept")
except KeyError as e:
    print("outer caught", repr(e))
with CM("x") as x, CM("y") as y:
    print("two", x.name, y.name)
def f():
    with CM("ret"):
        return "returned"
print(f())
for i in range(3):
    with CM("loop%d" % i):
        if i == 1:
            continue
        if i == 2:
            break
        print("i", i)

log = []

class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        log.append(("enter", self.name))
        return self.name.upper()
    def __exit__(self, tp, val, tb):
        log.append(("exit", self.name, tp.__name__ if tp else None, str(val) if val else None))
        return self.suppress

with CM("a") as x, CM("b") as y:
    log.append(("body", x, y))

with CM("outer", suppress=True):
    with CM("inner"):
        raise KeyError("k")
    log.append("not reached")
log.append("after suppress")

def in_function():
    with CM("f") as v:
        return v + "!"
log.append(in_function())

for i in range(3):
    with CM(f"loop{i}", suppress=True):
        if i == 1:
            continue
        if i == 2:
            break
        log.append(("loop body", i))

try:
    with CM("nosuppress"):
        1 / 0
except ZeroDivisionError as e:
    log.append(("propagated", str(e)))

class Bad:
    def __enter__(self):
        raise RuntimeError("enter failed")
    def __exit__(self, *a):
        log.append("never")
try:
    with CM("first"), Bad():
        log.append("never body")
except RuntimeError as e:
    log.append(str(e))

try:
    with 42:
        pass
except (TypeError, AttributeError) as e:
    log.append((type(e).__name__, str(e)))
for item in log:
    print(item)

log = []

class Swallow:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        log.append(("swallow", exc[0].__name__ if exc[0] else None))
        return True

class Raiser:
    def __enter__(self):
        return self
    def __exit__(self, tp, val, tb):
        log.append(("raiser sees", tp.__name__ if tp else None))
        raise RuntimeError("from exit")

with Swallow():
    with Raiser():
        raise KeyError("original")
log.append("continued")

try:
    with Raiser():
        pass
except RuntimeError as e:
    log.append((str(e), e.__context__))

try:
    with Raiser():
        raise ValueError("v")
except RuntimeError as e:
    log.append((str(e), type(e.__context__).__name__))

class Truthy:
    def __enter__(self):
        return "value"
    def __exit__(self, *a):
        return "non-empty string"
with Truthy() as v:
    log.append(v)
    raise IndexError
log.append("truthy suppressed")

for item in log:
    print(item)

with Raiser():
    raise ZeroDivisionError("last")

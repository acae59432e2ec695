import gc
gc.collect()
log = []

def holder():
    try:
        yield 1
        yield 2
    finally:
        log.append("gen finally")

class Box:
    pass

b = Box()
b.gen = holder()
b.self = b
next(b.gen)
del b
log.append("before collect")
n = gc.collect()
log.append(("collected", n > 0))

def stop_inside():
    yield 1
    raise StopIteration("inner")
try:
    list(stop_inside())
except RuntimeError as e:
    log.append((str(e), type(e.__cause__).__name__))

def gen_with_return_in_finally():
    try:
        yield 1
    finally:
        return "swallowed"
g = gen_with_return_in_finally()
next(g)
g.close()
log.append("closed quietly")
for item in log:
    print(item)

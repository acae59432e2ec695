import gc
gc.collect()
log = []
def worker(tag):
    try:
        yield 1
        yield 2
    finally:
        log.append("finally " + tag)
a = worker("a")
next(a)
a = None
b = worker("b")
c = worker("c")
next(c)
del b, c
def cyc():
    me = yield
    try:
        yield me
    finally:
        log.append("cycle finally")
x = cyc()
next(x)
x.send(x)
del x
n = gc.collect()
print(log, n)

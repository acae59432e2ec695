log = []

def worker():
    total = 0
    try:
        while True:
            try:
                x = yield total
            except ValueError as e:
                log.append(("caught", str(e)))
                x = 100
            total += x
    finally:
        log.append(("finally", total))

g = worker()
log.append(next(g))
log.append(g.send(5))
log.append(g.throw(ValueError("bad")))
log.append(g.send(1))
g.close()
log.append(("closed-again", g.close()))
try:
    g.send(1)
except StopIteration as e:
    log.append(("stop", e.value))

def refuses():
    try:
        yield 1
    except GeneratorExit:
        yield 2

r = refuses()
next(r)
try:
    r.close()
except RuntimeError as e:
    log.append(str(e))

def returns():
    yield 1
    return "ret"

x = returns()
next(x)
try:
    next(x)
except StopIteration as e:
    log.append(("value", e.value, e.args))
for item in log:
    print(item)

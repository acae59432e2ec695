import sys
log = []

def gen():
    log.append(("gen start", sys.exc_info()[0]))
    try:
        raise KeyError("in gen")
    except KeyError:
        yield sys.exc_info()[0].__name__
        log.append(("gen resumed", sys.exc_info()[0].__name__))
    yield sys.exc_info()[0]

g = gen()
try:
    raise ValueError("outer")
except ValueError:
    log.append(next(g))
    log.append(("caller after yield", sys.exc_info()[0].__name__))
log.append(next(g))
log.append(("caller clean", sys.exc_info()))
log.append(sys.exception())
try:
    1 / 0
except ZeroDivisionError:
    log.append(type(sys.exception()).__name__)
for item in log:
    print(item)

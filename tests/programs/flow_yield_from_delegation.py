log = []

def sub():
    try:
        while True:
            try:
                v = yield "sub-ready"
                log.append(("sub got", v))
            except KeyError as e:
                log.append(("sub handled", str(e)))
    finally:
        log.append("sub finally")

def main_gen():
    try:
        result = yield from sub()
    except ValueError as e:
        log.append(("main caught", str(e)))
        yield "after-error"
    finally:
        log.append("main finally")

g = main_gen()
log.append(next(g))
log.append(g.send("a"))
log.append(g.throw(KeyError("k")))
log.append(g.throw(ValueError("v")))
g.close()

def chain(*iterables):
    for it in iterables:
        yield from it
log.append(list(chain([1, 2], "ab", range(2))))

def returns_value():
    yield 1
    return "inner-result"
def collects():
    r = yield from returns_value()
    yield r
log.append(list(collects()))

def closes_inner():
    yield from sub()
c = closes_inner()
next(c)
del c
for item in log:
    print(item)

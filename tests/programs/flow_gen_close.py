import gc
log = []
def g(n):
    try:
        for i in range(n):
            yield i
    except GeneratorExit:
        log.append("exit %d" % n)
        raise
    finally:
        log.append("finally %d" % n)

a = g(5)
next(a)
a.close()
a.close()
b = g(3)
next(b)
del b
c = g(2)
c.close()
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    log.append(str(e))
def returns():
    try:
        yield 1
    finally:
        return 5
r = returns()
next(r)
log.append(r.close())
print(log)

def acc():
    total = 0
    while True:
        x = yield total
        if x is None:
            break
        total += x
    return total

g = acc()
print(next(g))
print(g.send(5))
print(g.send(7))
try:
    g.send(None)
except StopIteration as e:
    print("stop", e.value, e.args)
try:
    next(g)
except StopIteration as e:
    print("again", e.args)
g2 = acc()
try:
    g2.send(1)
except TypeError as e:
    print("TypeError:", e)
print(g2.send(None))

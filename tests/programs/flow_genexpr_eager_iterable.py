calls = []
def source():
    calls.append("source evaluated")
    return [1, 2, 3]

def cond(x):
    calls.append(f"cond {x}")
    return x != 2

g = (x * 10 for x in source() if cond(x))
calls.append("generator created")
first = next(g)
calls.append(("first", first))
rest = list(g)
calls.append(("rest", rest))

try:
    bad = (y for y in 5)
except TypeError as e:
    calls.append(str(e))

lazy_error = (1 / z for z in [1, 0])
calls.append(next(lazy_error))
try:
    next(lazy_error)
except ZeroDivisionError as e:
    calls.append(str(e))
try:
    next(lazy_error)
except StopIteration:
    calls.append("exhausted after error")
for c in calls:
    print(c)

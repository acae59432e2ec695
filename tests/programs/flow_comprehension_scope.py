x = "global-x"
items = [1, 2, 3]
squares = [x * x for x in items]
print(x, squares)

class K:
    factor = 10
    vals = [1, 2]
    try:
        scaled = [v * factor for v in vals]
    except NameError as e:
        err = str(e)
    first = [v for v in vals]
print(K.err, K.first)

def closures():
    fns = [lambda: i for i in range(3)]
    fixed = [lambda i=i: i for i in range(3)]
    return [f() for f in fns], [f() for f in fixed]
print(closures())

nested = [[r * c for c in range(3)] for r in range(3)]
flat = [v for row in nested for v in row if v % 2 == 0]
print(nested, flat)
d = {k: v for k, v in zip("abc", range(3)) if v}
s = {c.upper() for c in "hello"}
g = (n for n in range(5))
print(d, sorted(s), sum(g), list(g))

def walrus():
    data = [1, 5, 2, 8]
    big = [y for v in data if (y := v * 2) > 4]
    return big, y
print(walrus())

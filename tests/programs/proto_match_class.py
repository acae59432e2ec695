# match statement class patterns with __match_args__, keyword patterns, and builtin types.
class Point:
    __match_args__ = ('x', 'y')
    def __init__(self, x, y): self.x, self.y = x, y
class Circle:
    __match_args__ = ('center', 'r')
    def __init__(self, c, r): self.center, self.r = c, r
def describe(s):
    match s:
        case Point(0, 0):
            return 'origin'
        case Point(x, 0):
            return f'on x axis at {x}'
        case Point(x=0, y=y):
            return f'on y axis at {y}'
        case Circle(Point(x, y), r) if r > 10:
            return f'big circle at {x},{y}'
        case Circle(_, r=r):
            return f'circle r={r}'
        case int(n) | float(n):
            return f'number {n}'
        case str() as s:
            return f'string {s}'
        case _:
            return 'unknown'
for s in (Point(0, 0), Point(3, 0), Point(0, 4), Point(1, 1), Circle(Point(1, 2), 20),
          Circle(Point(0, 0), 1), 5, 2.5, 'hi', None):
    print(describe(s))
class Bad:
    __match_args__ = ('a',)
try:
    match Bad():
        case Bad(1, 2):
            pass
except TypeError as e:
    print(e)

class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y

class Circle:
    __match_args__ = ("center", "r")
    def __init__(self, center, r):
        self.center = center
        self.r = r

def describe(obj):
    match obj:
        case 0 | 1 as small:
            return f"small {small}"
        case int(n) if n < 0:
            return f"negative {n}"
        case str() as s if len(s) > 3:
            return f"long str {s}"
        case "hi" | "bye":
            return "greeting"
        case [x, y]:
            return f"pair {x},{y}"
        case [first, *rest]:
            return f"seq first={first} rest={rest}"
        case {"type": "user", "name": name, **extra}:
            return f"user {name} extra={extra}"
        case {"type": t}:
            return f"typed {t}"
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=yy):
            return f"on y axis {yy}"
        case Point(xx, yy):
            return f"point {xx} {yy}"
        case Circle(Point(cx, cy), r=radius) if radius > 0:
            return f"circle at {cx},{cy} r={radius}"
        case None:
            return "none"
        case True:
            return "true"
        case float():
            return "a float"
        case (1, 2, 3):
            return "tuple123"
        case _:
            return "other"

items = [0, 1, -5, 7, "hello", "hi", "yo", [1, 2], (1, 2, 3), [9, 8, 7, 6], [],
         {"type": "user", "name": "ann", "age": 3}, {"type": "x"}, Point(0, 0),
         Point(0, 4), Point(2, 3), Circle(Point(1, 1), 5), Circle(Point(1, 1), 0),
         None, True, 2.5, {"other": 1}]
for it in items:
    print(describe(it))

class NoArgs:
    pass
try:
    match NoArgs():
        case NoArgs(1):
            pass
except TypeError as e:
    print(e)

class Pt:
    __match_args__ = ('x', 'y')
    def __init__(self, x, y):
        self.x, self.y = x, y
def where(p):
    match p:
        case Pt(0, 0):
            return "origin"
        case Pt(x, 0):
            return f"x-axis {x}"
        case Pt(x=0, y=y):
            return f"y-axis {y}"
        case Pt():
            return "elsewhere"
        case _:
            return "not a point"
print([where(p) for p in (Pt(0, 0), Pt(3, 0), Pt(0, 4), Pt(1, 1), 5)])

class Record:
    fields = ()
    def __init__(self, *args):
        if len(args) != len(self.fields):
            raise TypeError(f"expected {len(self.fields)} args")
        for f, v in zip(self.fields, args):
            setattr(self, f, v)
    def __repr__(self):
        inner = ", ".join(f"{f}={getattr(self, f)!r}" for f in self.fields)
        return f"{type(self).__name__}({inner})"
    def __eq__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, f) == getattr(other, f) for f in self.fields)
class Point(Record):
    fields = ('x', 'y')
p = Point(1, 2)
print(p, p == Point(1, 2), p == Point(2, 1), p != Point(1, 2))
try:
    Point(1)
except TypeError as e:
    print(e)
print(vars(p))

class V:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        if isinstance(o, V):
            return V(self.x + o.x, self.y + o.y)
        return NotImplemented
    def __radd__(self, o):
        if o == 0:
            return self
        return NotImplemented
    def __mul__(self, k):
        return V(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __neg__(self):
        return V(-self.x, -self.y)
    def __eq__(self, o):
        return isinstance(o, V) and (self.x, self.y) == (o.x, o.y)
    def __repr__(self):
        return f"V({self.x}, {self.y})"
    def norm(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
a = V(1, 2); b = V(3, 4)
print(a + b, a * 3, 2 * a, -a, sum([a, b]))
print(a == V(1, 2), a != b, a == 5)
try:
    a + 1
except TypeError as e:
    print(e)
try:
    hash(a)
except TypeError as e:
    print(e)
c = a
c += b
print(c, a, c is a)

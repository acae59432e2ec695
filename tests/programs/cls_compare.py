class N:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        print("lt", self.v, o.v)
        return self.v < o.v
    def __repr__(self):
        return f"N{self.v}"
a, b = N(1), N(2)
print(a < b)
print(a > b)
print(sorted([N(3), N(1), N(2)]))
print(max([N(5), N(9), N(2)]))
try:
    a <= b
except TypeError as e:
    print(e)
class M(N):
    def __gt__(self, o):
        print("M.gt")
        return True
print(N(1) < M(2))

class P:
    def __init__(self, x):
        self.x = x
    def __eq__(self, o):
        return isinstance(o, P) and self.x == o.x
    def __hash__(self):
        return hash(self.x)
s = {P(1), P(1), P(2)}
d = {P(3): 'three'}
print(len(s), d[P(3)], P(1) in s, P(5) in s)
class Q:
    def __eq__(self, o):
        return True
print(Q.__hash__, Q() == 5)
try:
    {Q()}
except TypeError as e:
    print(e)
class R(Q):
    __hash__ = object.__hash__
print(type(hash(R())).__name__)
class Plain:
    pass
p = Plain()
print(hash(p) == hash(p), p == p, p != Plain())

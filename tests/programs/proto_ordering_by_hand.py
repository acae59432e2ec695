# Ordering from __lt__ and __eq__ only: sorted, min, max, bisect-like search; > uses reflection.
class V:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __eq__(self, o): return self.v == o.v
    def __repr__(self): return f'V{self.v}'
vs = [V(3), V(1), V(2)]
print(sorted(vs), min(vs), max(vs), V(1) > V(0), V(1) in vs, vs.index(V(2)), vs.count(V(3)))
vs.remove(V(1))
print(vs, sorted(vs, reverse=True))
try:
    V(1) <= V(2)
except TypeError as e:
    print(e)

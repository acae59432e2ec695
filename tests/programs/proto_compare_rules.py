# Rich comparison: reflection (< becomes >), __ne__ from __eq__, NotImplemented, identity fallback.
class A:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        print('A.lt'); return NotImplemented
    def __gt__(self, o):
        print('A.gt'); return self.v > o.v
    def __eq__(self, o):
        return isinstance(o, A) and self.v == o.v
a, b = A(1), A(2)
print(a < b)
print(a == A(1), a != A(1), a != b)
class Z: pass
z = Z()
print(z == z, z != z, z == Z())
try:
    z < Z()
except TypeError as e:
    print(e)
class B(A):
    def __gt__(self, o):
        print('B.gt'); return True
print(A(5) < B(0))
print(sorted([A(3), A(1), A(2)], key=lambda o: o.v)[0].v)

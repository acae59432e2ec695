# Reflected operands: __radd__ used when the left operand returns NotImplemented, subclass first.
class A:
    def __add__(self, o): return 'A.add'
    def __radd__(self, o): return 'A.radd'
    def __sub__(self, o): return NotImplemented
    def __rsub__(self, o): return 'A.rsub'
class B(A):
    def __radd__(self, o): return 'B.radd'
    def __rsub__(self, o): return 'B.rsub'
a, b = A(), B()
print(a + b, b + a, 1 + a, a + 1, a - b, b - a, 5 - a)
class C:
    def __mul__(self, o): return NotImplemented
class D:
    def __rmul__(self, o): return 'D.rmul'
print(C() * D())
try:
    C() * C()
except TypeError as e:
    print(e)
class M:
    def __matmul__(self, o): return 'matmul'
    def __rpow__(self, o): return ('rpow', o)
    def __rlshift__(self, o): return 'rlshift'
print(M() @ M(), 2 ** M(), 1 << M())

import sys, gc
class C:
    x = 5
    def __init__(self, a):
        self.a = a
    def get(self):
        return self.a + self.x
    def __repr__(self):
        return f"C({self.a})"
c = C(3)
print(c.get(), c.a, C.x, c)
print(sys.getsizeof(c), sys.getsizeof(C), sys.getrefcount(C))
print(sys.getsizeof(c.__dict__))
class D(C):
    def get(self):
        return super().get() * 2
d = D(4)
print(d.get(), isinstance(d, C), issubclass(D, C), D.__mro__)
print(type(d).__name__, D.__bases__)

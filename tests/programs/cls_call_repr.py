class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, y=0):
        return x + self.n + y
    def __str__(self):
        return f"Adder+{self.n}"
a = Adder(10)
print(a(1), a(1, y=5), callable(a), callable(Adder), str(a), f"{a}", [str(a)])
class Plain:
    pass
p = Plain()
print(repr(p) == f"<__main__.Plain object at {hex(id(p))}>", callable(p))
try:
    p()
except TypeError as e:
    print(e)
class F:
    def __format__(self, spec):
        return f"F[{spec}]"
print(f"{F():>10}", f"{F()!s:>3}" if False else f"{F():x}")

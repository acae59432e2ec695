x = "module"

class A:
    x = "class"
    y = x + "-derived"
    def method(self):
        return x
    z = [x for _ in range(1)]
    lam = (lambda: x)()

print(A.y, A().method(), A.z, A.lam)

def factory():
    x = "enclosing"
    class B:
        print("class body sees", x)
        w = x
        def m(self):
            return x
    return B

B = factory()
print(B.w, B().m())

class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
        self.count = Counter.count * 10
c1, c2 = Counter(), Counter()
print(Counter.count, c1.count, c2.count)

class Outer:
    class Inner:
        value = 1
    ref = Inner.value + 1
print(Outer.ref, Outer.Inner.__qualname__)

def f():
    class Local:
        pass
    return Local
print(f().__qualname__, f() is f())
try:
    class Broken:
        a = undefined_name_xyz
except NameError as e:
    print(e)

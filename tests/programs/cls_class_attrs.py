class C:
    """Doc here."""
    x = 1
    def f(self):
        pass
print(C.__name__, C.__qualname__, C.__module__, C.__doc__, C.__base__)
print(sorted(k for k in C.__dict__ if not k.startswith('__')))
C.y = 5
c = C()
print(c.y, hasattr(C, 'y'))
del C.y
print(hasattr(c, 'y'))
c.x = 10
print(c.x, C.x)
del c.x
print(c.x)
class Outer:
    class Inner:
        pass
print(Outer.Inner.__qualname__, Outer.Inner.__name__)
print(type(C.f).__name__, type(c.f).__name__, c.f.__self__ is c, c.f.__func__ is C.f)

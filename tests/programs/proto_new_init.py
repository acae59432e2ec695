# __new__ and __init__ interplay: __init__ skipped when __new__ returns another type; errors.
class A:
    def __new__(cls, *args):
        print('new', cls.__name__, args)
        return super().__new__(cls)
    def __init__(self, x):
        print('init', x)
        self.x = x
a = A(5)
class Other:
    def __new__(cls):
        return 42
    def __init__(self):
        print('never')
print(Other())
class BadInit:
    def __init__(self):
        return 1
try:
    BadInit()
except TypeError as e:
    print(e)
class NoArgs: pass
try:
    NoArgs(1)
except TypeError as e:
    print(e)
class OnlyNew:
    def __new__(cls, v):
        o = super().__new__(cls)
        o.v = v
        return o
print(OnlyNew(3).v)
try:
    object.__new__(OnlyNew, 1)
except TypeError as e:
    print(e)
class Sub(A):
    pass
s = Sub(7)
print(type(s).__name__, s.x)

class Single:
    _inst = None
    def __new__(cls, *args):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
    def __init__(self, v):
        self.v = v
a = Single(1)
b = Single(2)
print(a is b, a.v)
class NotMe:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never")
print(NotMe())
class NoArgs:
    pass
try:
    NoArgs(1)
except TypeError as e:
    print(e)
class BadInit:
    def __init__(self):
        return 5
try:
    BadInit()
except TypeError as e:
    print(e)

import sys
class MyError(Exception):
    pass
class Detailed(ValueError):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
try:
    raise MyError("boom")
except MyError as e:
    print(type(e).__name__, e, e.args, repr(e))
try:
    raise Detailed(42, "bad value")
except ValueError as e:
    print(e.code, e, e.args, isinstance(e, Detailed))
e = MyError()
print(sys.getsizeof(e), str(e), repr(e))
class Custom(Exception):
    def __str__(self):
        return "custom!"
print(str(Custom()), repr(Custom(1)))
raise Detailed(1, "final")

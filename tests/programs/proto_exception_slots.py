# __slots__ in exception classes and the size of exception instances.
import sys
class E(Exception):
    __slots__ = ('detail',)
    def __init__(self, detail):
        super().__init__(detail)
        self.detail = detail
e = E('bad')
print(e.detail, e.args, sys.getsizeof(e) - sys.getsizeof(Exception()))
try:
    raise E('boom')
except E as x:
    print(x.detail, str(x))
class F(Exception):
    pass
print(sys.getsizeof(F()), sys.getsizeof(Exception()), sys.getsizeof(KeyError()))

# Exception subclasses: extra attributes, __str__, args, chaining, catching by base class.
class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
class NotFound(AppError):
    def __str__(self):
        return f'[{self.code}] {self.args[0]}'
try:
    raise NotFound(404, 'missing')
except AppError as e:
    print(type(e).__name__, e, e.code, e.args, isinstance(e, Exception))
class Plain(ValueError): pass
try:
    try:
        raise Plain('inner')
    except ValueError as e:
        raise AppError(1, 'outer') from e
except AppError as e:
    print(repr(e.__cause__), e.__context__ is e.__cause__)
e = NotFound(1, 'x')
e.extra = [1]
print(e.__dict__, repr(Plain(1, 2)), str(Plain()), Plain.__mro__[1].__name__)

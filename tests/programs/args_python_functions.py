# TypeErrors of Python functions called with wrong arguments (ceval.c's initialize_locals,
# too_many_positional, positional_only_passed_as_keyword) and of CALL_FUNCTION_EX/DICT_MERGE.
def f(a, b, c=1, *, d, e=2): pass
def g(a, /, b): pass
def h(*args, k): pass
def j(): pass
class C:
    def m(self, x): pass
    @staticmethod
    def s(x): pass
    @classmethod
    def k(cls, x, y): pass
tests = [
    lambda: f(), lambda: f(1), lambda: f(1, 2), lambda: f(1, 2, 3, 4, d=1), lambda: f(1, 2, d=1, z=3),
    lambda: f(1, 2, a=1, d=1), lambda: f(1, 2, 3, 4, 5), lambda: f(1, 2, 3, 4), lambda: f(1, b=2),
    lambda: g(a=1, b=2), lambda: g(1, a=2, b=3), lambda: g(), lambda: h(1), lambda: h(k=1, z=2),
    lambda: j(1), lambda: j(x=1), lambda: j(1, 2), lambda: C().m(), lambda: C().m(1, 2),
    lambda: C.m(), lambda: C.s(), lambda: C.k(), lambda: C().k(1, 2, 3), lambda: f(**{1: 2}),
    lambda: f(1, 2, **{'d': 1}, **{'d': 2}), lambda: f(*5), lambda: f(**5), lambda: (lambda x: x)(),
    lambda: (lambda: 0)(1), lambda: f(1, 2, 3, 4, 5, d=1), lambda: g(1, 2, 3),
    lambda: print(*5), lambda: len(**{'a': 1}, **{'a': 2}), lambda: C().m(*1.5),
    lambda: C.k(**[]), lambda: f(1, 2, 3, 4, d=1, e=2), lambda: (lambda a, /, **kw: kw)(a=1),
    lambda: h(**{'k': 1}, **{'k': 2}), lambda: C(*None), lambda: f(1, 2, 3, 4, d=1),
]
for t in tests:
    try:
        t()
        print("ok")
    except TypeError as e:
        print(e)

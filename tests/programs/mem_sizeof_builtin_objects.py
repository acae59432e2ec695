# getsizeof of many builtin objects.
import sys


def f():
    pass


class C:
    def m(self):
        pass


c = C()
objs = [
    None, True, 0, 1, 2**30, 2**64, -2**100, 1.5, 2j, "", "x", "hello", "é", "€", b"", b"abc",
    bytearray(b"ab"), (), (1,), (1, 2, 3), [], [1], {}, {"a": 1}, set(), {1, 2}, frozenset(),
    range(5), slice(1, 2), f, c, c.m, [].append, len, iter([]), iter(()), iter({}),
    enumerate([]), zip(), map(str, []), reversed([]), property(), staticmethod(f),
    classmethod(f), object(), Exception(), ValueError("x"), sys,
]
for o in objs:
    print(type(o).__name__, sys.getsizeof(o))

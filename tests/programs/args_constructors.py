# The builtin types' constructors called with wrong arguments: vectorcall ones
# (list, tuple, dict, set, frozenset, float, bool, range, reversed, map, filter), tp_new ones
# through Argument Clinic (int, str, bytes, bytearray, complex, enumerate) and slice.
import weakref

from _argkit import attempt


attempt("list2", lambda: list(1, 2))
attempt("list kw", lambda: list(iterable=[]))
attempt("tuple2", lambda: tuple(1, 2))
attempt("tuple kw", lambda: tuple(x=1))
attempt("dict2", lambda: dict({}, {}))
attempt("set2", lambda: set(1, 2))
attempt("set kw", lambda: set(iterable=[]))
attempt("frozenset2", lambda: frozenset(1, 2))
attempt("frozenset kw", lambda: frozenset(x=1))
attempt("float2", lambda: float(1, 2))
attempt("float kw", lambda: float(x=1))
attempt("bool2", lambda: bool(1, 2))
attempt("bool kw", lambda: bool(x=1))
attempt("range0", lambda: range())
attempt("range4", lambda: range(1, 2, 3, 4))
attempt("range kw", lambda: range(stop=1))
attempt("map1", lambda: map(len))
attempt("map kw", lambda: map(len, [], x=1))
attempt("filter1", lambda: filter(None))
attempt("filter kw", lambda: filter(None, [], x=1))
attempt("int3", lambda: int("1", 10, 3))
attempt("int kw", lambda: int(x="1"))
attempt("int bad kw", lambda: int("1", bas=10))
attempt("int base", lambda: int(base=10))
attempt("int by name", lambda: int("1", 10, base=10))
attempt("str4", lambda: str(b"", "utf-8", "strict", 1))
attempt("str kw", lambda: str(obj=1))
attempt("str by name", lambda: str(1, object=1))
attempt("bytes4", lambda: bytes(1, 2, 3, 4))
attempt("bytes kw", lambda: bytes(src=1))
attempt("bytearray4", lambda: bytearray(1, 2, 3, 4))
attempt("bytearray kw", lambda: bytearray(src=1))
attempt("complex3", lambda: complex(1, 2, 3))
attempt("complex kw", lambda: complex(rea=1))
attempt("complex by name", lambda: complex(1, real=1))
attempt("weakref.ref0", lambda: weakref.ref())
attempt("weakref.ref3", lambda: weakref.ref(1, 2, 3))
attempt("weakref.ref kw", lambda: weakref.ref(len, callback=None))
attempt("weakref.proxy0", lambda: weakref.proxy())
attempt("weakref.proxy kw", lambda: weakref.proxy(len, callback=None))


class L(list):
    pass


# the right calls still work, with keywords where CPython takes them
print(list("ab"), tuple([1]), dict([(1, 2)], a=3), sorted(set("ba")), frozenset(), float("1.5"),
      bool([]), list(range(1, 7, 2)), list(map(len, ["ab"])), list(filter(None, [0, 1])),
      int("ff", base=16), int("11", 2), str(b"ab", encoding="ascii"), str(object=5),
      bytes("a", "ascii"), bytearray(source=b"ab"), complex(imag=2), complex(real=1, imag=1),
      L([1, 2]))

# METH_FASTCALL|METH_KEYWORDS builtins through Argument Clinic's keyword parser
# (_PyArg_UnpackKeywords), positional-only and keyword-only parameters, and the
# PyArg_ParseTupleAndKeywords ones: too many arguments, missing required arguments,
# invalid keywords, an argument given by name and position.
import gc
import math
import sys

from _argkit import attempt


attempt("split3", lambda: "a b".split(" ", 1, 2))
attempt("split kw3", lambda: "a b".split(" ", 1, maxsplit=2))
attempt("split bad kw", lambda: "a b".split(x=1))
attempt("split by name and position", lambda: "a b".split(" ", sep=" "))
attempt("rsplit kw4", lambda: "a b".rsplit(sep=" ", maxsplit=1, x=2, y=3))
attempt("splitlines", lambda: "a".splitlines(True, False))
attempt("expandtabs", lambda: "a".expandtabs(tabsize=4, x=1))
attempt("encode", lambda: "a".encode("utf-8", "strict", 1))
attempt("encode kw", lambda: "a".encode(encodings="utf-8"))
attempt("bytes.decode", lambda: b"a".decode(x=1))
attempt("bytearray.decode", lambda: bytearray(b"a").decode("utf-8", "strict", 1))
attempt("bytes.hex", lambda: b"a".hex(x=1))
attempt("bytes.split", lambda: b"a".split(b" ", 1, 2))
attempt("bytearray.rsplit", lambda: bytearray(b"a").rsplit(sep=b" ", maxsplt=1))
attempt("bytes.expandtabs", lambda: b"a".expandtabs(1, 2))
# keyword-only parameters
attempt("sort positional", lambda: [].sort(1))
attempt("sort bad kw", lambda: [].sort(reversed=True))
attempt("sorted0", lambda: sorted())
attempt("sorted2", lambda: sorted([], []))
attempt("sorted by name", lambda: sorted(iterable=[]))
attempt("sorted bad kw", lambda: sorted([], cmp=None))
attempt("to_bytes3", lambda: (1).to_bytes(1, "big", False))
attempt("to_bytes kw", lambda: (1).to_bytes(length=1, order="big"))
attempt("from_bytes", lambda: int.from_bytes(b"", order="big"))
attempt("from_bytes3", lambda: int.from_bytes(b"", "big", True))
attempt("math.prod", lambda: math.prod())
attempt("math.prod2", lambda: math.prod([1], 2))
attempt("math.prod kw", lambda: math.prod([1], begin=2))
attempt("math.isclose", lambda: math.isclose(1))
attempt("math.isclose3", lambda: math.isclose(1, 2, 3))
attempt("math.isclose kw", lambda: math.isclose(1, 1, tol=1))
attempt("math.isclose a", lambda: math.isclose(b=1, a=1, c=2))
attempt("print kw", lambda: print("x", sepp=""))
attempt("min kw", lambda: min(1, 2, x=3))
attempt("min0", lambda: min())
attempt("max default", lambda: max(1, 2, default=0))
attempt("max0", lambda: max(key=None))
# positional-only parameters given by name
attempt("sum by name", lambda: sum(iterable=[1]))
attempt("sum3", lambda: sum([1], 2, 3))
attempt("sum start", lambda: sum([1], start=1))
attempt("pow0", lambda: pow())
attempt("pow4", lambda: pow(1, 2, 3, 4))
attempt("pow kw", lambda: pow(base=2, exp=3, modulo=5))
attempt("round", lambda: round())
attempt("round kw", lambda: round(number=1.5, digits=1))
attempt("round by name", lambda: round(1.5, number=1.5))
attempt("__import__", lambda: __import__())
attempt("__import__ kw", lambda: __import__("sys", package=None))
attempt("getsizeof0", lambda: sys.getsizeof())
attempt("getsizeof3", lambda: sys.getsizeof(1, 2, 3))
attempt("getsizeof kw", lambda: sys.getsizeof(obj=1))
attempt("getsizeof both", lambda: sys.getsizeof(1, object=1))
attempt("gc.collect2", lambda: gc.collect(1, 2))
attempt("gc.collect kw", lambda: gc.collect(gen=1))
attempt("gc.get_objects kw", lambda: gc.get_objects(gen=1))
attempt("gc.set_threshold", lambda: gc.set_threshold())
attempt("gc.set_threshold4", lambda: gc.set_threshold(1, 2, 3, 4))
attempt("gc.set_threshold kw", lambda: gc.set_threshold(700, threshold1=10))
attempt("gc.get_referents kw", lambda: gc.get_referents(x=1))
attempt("zip kw", lambda: zip([], strictly=True))
attempt("enumerate", lambda: enumerate())
attempt("enumerate kw", lambda: enumerate([], begin=1))
attempt("enumerate3", lambda: enumerate([], 1, 2))
attempt("enumerate start first", lambda: list(enumerate(start=2, iterable="ab")))
attempt("enumerate by name", lambda: enumerate([], iterable=[]))
# the right calls still work
print("a b c".split(maxsplit=1), "a\nb".splitlines(keepends=True), "a".encode(errors="strict"),
      b"ab".hex(), sorted([3, 1, 2], key=lambda v: -v), sorted([1, 2], reverse=True),
      (258).to_bytes(2, byteorder="little"), int.from_bytes(b"\x01\x00", "little"),
      math.prod([2, 3], start=2), math.isclose(1.0, 1.0, rel_tol=0.1), min([3, 1]),
      max(1, 5, key=lambda v: -v), min([], default=7), sum([1, 2], start=10), pow(2, 5, mod=7),
      round(2.567, ndigits=1), sys.getsizeof(object=1) > 0, gc.collect(generation=0) >= 0,
      list(enumerate("ab", start=1)), list(zip("ab", "cd", strict=True)))
print("a", "b", sep="-", end="!\n")

# METH_FASTCALL builtins with Argument Clinic's positional-only parser
# (_PyArg_CheckPositional): "NAME expected at least N arguments, got M", no keywords
# ("TYPE.NAME() takes no keyword arguments").
import math
import sys

from _argkit import attempt


lst = [1, 2]
d = {1: 2}
ba = bytearray(b"ab")
attempt("list.insert", lambda: lst.insert(1))
attempt("list.insert kw", lambda: lst.insert(0, object=1))
attempt("list.pop", lambda: lst.pop(1, 2))
attempt("list.index0", lambda: lst.index())
attempt("list.index4", lambda: lst.index(1, 0, 2, 3))
attempt("tuple.index", lambda: (1,).index())
attempt("dict.get0", lambda: d.get())
attempt("dict.get3", lambda: d.get(1, 2, 3))
attempt("dict.get kw", lambda: d.get(key=1))
attempt("dict.setdefault", lambda: d.setdefault())
attempt("dict.pop0", lambda: d.pop())
attempt("dict.pop3", lambda: d.pop(1, 2, 3))
attempt("dict.fromkeys", lambda: dict.fromkeys([1], 2, 3))
for name in ("strip", "lstrip", "rstrip"):
    attempt("str." + name, lambda: getattr("a", name)(1, 2))
    attempt("bytes." + name, lambda: getattr(b"a", name)(b"a", b"b"))
attempt("str.replace", lambda: "a".replace("a"))
attempt("str.replace kw", lambda: "a".replace("a", "b", count=1))
for name in ("ljust", "rjust", "center"):
    attempt("str." + name, lambda: getattr("a", name)())
    attempt("bytearray." + name, lambda: getattr(ba, name)(1, b"x", 3))
attempt("str.maketrans4", lambda: str.maketrans("a", "b", "c", "d"))
attempt("bytes.replace", lambda: b"a".replace(b"a"))
attempt("bytearray.pop", lambda: ba.pop(1, 2))
attempt("bytearray.insert", lambda: ba.insert(1))
attempt("divmod", lambda: divmod(1))
attempt("divmod kw", lambda: divmod(x=1, y=2))
attempt("iter", lambda: iter())
attempt("iter3", lambda: iter(1, 2, 3))
attempt("iter kw", lambda: iter([], x=1))
attempt("next", lambda: next())
attempt("next3", lambda: next(iter([]), 1, 2))
attempt("format", lambda: format())
attempt("format3", lambda: format(1, "", 3))
attempt("reversed", lambda: reversed())
attempt("reversed kw", lambda: reversed([], x=1))
for name in ("atan2", "copysign", "fmod", "remainder", "pow", "nextafter", "ldexp", "comb",
             "dist"):
    attempt("math." + name, lambda: getattr(math, name)(1))
attempt("math.perm", lambda: math.perm())
attempt("math.perm3", lambda: math.perm(1, 2, 3))
attempt("math.gcd kw", lambda: math.gcd(a=1))
attempt("math.hypot kw", lambda: math.hypot(x=1))
attempt("math.pow kw", lambda: math.pow(2, y=3))
attempt("sys.exit", lambda: sys.exit(1, 2))
attempt("sys._getframe", lambda: sys._getframe(0, 1))
# METH_VARARGS with PyArg_UnpackTuple / PyArg_ParseTuple texts
attempt("math.log", lambda: math.log())
attempt("math.log3", lambda: math.log(1, 2, 3))
attempt("math.log kw", lambda: math.log(x=1))
for name in ("find", "rfind", "index", "rindex", "count", "startswith", "endswith"):
    attempt("str." + name, lambda: getattr("abc", name)())
    attempt("str." + name + "4", lambda: getattr("abc", name)("a", 0, 1, 2))
    attempt("bytes." + name, lambda: getattr(b"abc", name)())
attempt("str.find kw", lambda: "abc".find("a", start=0))
attempt("str.count kw", lambda: "abc".count("a", start=0))
attempt("bytes.startswith kw", lambda: b"abc".startswith(b"a", start=0))
attempt("bytearray.rindex kw", lambda: ba.rindex(b"a", end=1))
attempt("set.union kw", lambda: {1}.union(x=1))
attempt("set.update kw", lambda: {1}.update(x=1))
attempt("frozenset.intersection kw", lambda: frozenset().intersection(x=1))
attempt("dict.update2", lambda: d.update({}, {}))
attempt("slice0", lambda: slice())
attempt("slice4", lambda: slice(1, 2, 3, 4))
attempt("slice kw", lambda: slice(1, stop=2))
# the right calls still work
lst.insert(0, 0)
print(lst, lst.pop(), lst.index(1), d.get(1), d.get(5, 6), d.setdefault(3, 4), d.pop(3),
      " a ".strip(), "a".replace("a", "b"), "a".center(3, "*"), divmod(7, 2),
      next(iter([]), "end"), format(3.5, ".2f"), list(reversed([1, 2])), math.atan2(1, 1),
      math.gcd(12, 18), math.perm(4), math.log(8, 2), "abcb".find("b", 2), "abc".startswith("ab"),
      {1}.union([2], (3,)), slice(1, 2), dict.fromkeys("ab", 0))

# METH_O builtins: exactly one positional argument ("NAME() takes exactly one argument
# (N given)", qualified by type or module) and no keywords.
import gc
import math
import sys
import weakref

from _argkit import attempt


lst = [1, 2]
s = {1}
fs = frozenset([1])
ba = bytearray(b"ab")
attempt("len0", lambda: len())
attempt("len2", lambda: len([], []))
attempt("len kw", lambda: len(obj=[]))
for name, f in (("id", id), ("hash", hash), ("repr", repr), ("ascii", ascii),
                ("callable", callable), ("abs", abs), ("chr", chr), ("ord", ord), ("any", any),
                ("all", all), ("bin", bin), ("hex", hex), ("oct", oct)):
    attempt(name, lambda: f())
    attempt(name + "2", lambda: f(1, 2))
attempt("list.append", lambda: lst.append())
attempt("list.append2", lambda: lst.append(1, 2))
attempt("list.append kw", lambda: lst.append(object=1))
attempt("list.extend", lambda: lst.extend())
attempt("list.remove", lambda: lst.remove())
attempt("list.count", lambda: lst.count())
attempt("tuple.count", lambda: (1,).count(1, 2))
attempt("set.add", lambda: s.add())
attempt("set.discard", lambda: s.discard(1, 2))
attempt("set.remove", lambda: s.remove(x=1))
for name in ("symmetric_difference", "issubset", "issuperset", "isdisjoint"):
    attempt("set." + name, lambda: getattr(s, name)())
    attempt("frozenset." + name, lambda: getattr(fs, name)(1, 2))
attempt("set.symmetric_difference_update", lambda: s.symmetric_difference_update())
attempt("dict_keys.isdisjoint", lambda: {}.keys().isdisjoint())
attempt("dict_items.isdisjoint", lambda: {}.items().isdisjoint(1, 2))
for name in ("partition", "rpartition", "join", "zfill", "removeprefix", "removesuffix",
             "translate", "format_map"):
    attempt("str." + name, lambda: getattr("abc", name)())
for name in ("join", "partition", "rpartition", "zfill"):
    attempt("bytes." + name, lambda: getattr(b"ab", name)())
    attempt("bytearray." + name, lambda: getattr(ba, name)(1, 2))
for name in ("append", "extend", "remove"):
    attempt("bytearray." + name, lambda: getattr(ba, name)())
attempt("bytes.fromhex", lambda: bytes.fromhex("00", "11"))
attempt("bytearray.fromhex", lambda: bytearray.fromhex("00", "11"))
attempt("float.fromhex", lambda: float.fromhex("0x1p0", 1))
attempt("int.__format__", lambda: (5).__format__())
attempt("float.__format__", lambda: (1.5).__format__("f", "g"))
attempt("complex.__format__", lambda: (1j).__format__())
attempt("slice.indices", lambda: slice(1).indices())
for name in ("sqrt", "exp", "log2", "log10", "sin", "fabs", "floor", "ceil", "trunc",
             "isfinite", "isinf", "isnan", "modf", "frexp", "factorial", "isqrt", "fsum",
             "ulp", "radians", "degrees", "gamma", "erf"):
    attempt("math." + name, lambda: getattr(math, name)())
attempt("math.sqrt kw", lambda: math.sqrt(x=4))
attempt("sys.getrefcount", lambda: sys.getrefcount())
attempt("sys.intern", lambda: sys.intern("a", "b"))
attempt("sys.setrecursionlimit", lambda: sys.setrecursionlimit())
attempt("sys.stdout.write", lambda: sys.stdout.write())
attempt("gc.is_tracked", lambda: gc.is_tracked())
attempt("gc.is_finalized", lambda: gc.is_finalized(1, 2))
attempt("gc.set_debug", lambda: gc.set_debug())
attempt("weakref.getweakrefcount", lambda: weakref.getweakrefcount())
attempt("weakref.getweakrefs", lambda: weakref.getweakrefs(1, 2))
# the right calls still work
print(len("abc"), abs(-3), chr(65), ord("a"), bin(5), hex(255), oct(8), any([0, 1]),
      all([]), callable(len), repr(12), ascii("é"))
lst.append(3)
print(lst, lst.count(3), "a,b".partition(","), ",".join("xy"), "7".zfill(3),
      math.sqrt(16), math.floor(2.5), math.factorial(5), math.isqrt(17), math.fsum([0.1] * 3))
print(sys.intern("abc"), gc.is_tracked([]), weakref.getweakrefcount(lst), bytes.fromhex("41"))

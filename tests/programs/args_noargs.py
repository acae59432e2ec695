# METH_NOARGS builtins called with arguments or keywords: "TYPE.NAME() takes no arguments
# (N given)" / "TYPE.NAME() takes no keyword arguments", qualified by the defining type or
# module (CPython's _PyObject_FunctionStr), whatever the receiver's exact type.
import gc
import sys

from _argkit import attempt


class MyList(list):
    pass


lst = [1, 2]
d = {1: 2}
s = {1}
fs = frozenset([1])
ba = bytearray(b"ab")
attempt("list.clear", lambda: lst.clear(1))
attempt("list.copy", lambda: lst.copy(x=1))
attempt("list.reverse", lambda: MyList().reverse(1, 2))
attempt("dict.popitem", lambda: d.popitem(1))
attempt("dict.copy", lambda: d.copy(1))
attempt("dict.clear", lambda: d.clear(x=1))
attempt("dict.keys", lambda: d.keys(1))
attempt("dict.values", lambda: d.values(1))
attempt("dict.items", lambda: d.items(x=1))
attempt("set.pop", lambda: s.pop(1))
attempt("set.clear", lambda: s.clear(1))
attempt("set.copy", lambda: s.copy(1))
attempt("frozenset.copy", lambda: fs.copy(1))
attempt("str.upper", lambda: "a".upper(1))
attempt("str.lower", lambda: "a".lower(x=1))
attempt("str.title", lambda: "a".title(1))
attempt("str.capitalize", lambda: "a".capitalize(1))
attempt("str.swapcase", lambda: "a".swapcase(1))
attempt("str.casefold", lambda: "a".casefold(1))
for name in ("isdigit", "isalpha", "isalnum", "isspace", "isupper", "islower",
             "isidentifier", "isnumeric", "isdecimal", "istitle", "isascii", "isprintable"):
    attempt("str." + name, lambda: getattr("a", name)(1))
attempt("str.__getnewargs__", lambda: "a".__getnewargs__(1))
for name in ("upper", "lower", "title", "capitalize", "swapcase", "isdigit", "isalpha",
             "isalnum", "isspace", "isupper", "islower", "istitle", "isascii"):
    attempt("bytes." + name, lambda: getattr(b"a", name)(1))
    attempt("bytearray." + name, lambda: getattr(ba, name)(1))
attempt("bytearray.reverse", lambda: ba.reverse(1))
attempt("bytearray.clear", lambda: ba.clear(1))
attempt("bytearray.copy", lambda: ba.copy(1))
attempt("int.bit_length", lambda: (5).bit_length(1))
attempt("int.bit_count", lambda: True.bit_count(1))
attempt("int.as_integer_ratio", lambda: (5).as_integer_ratio(1))
attempt("int.conjugate", lambda: (5).conjugate(1))
attempt("int.__trunc__", lambda: (5).__trunc__(1))
attempt("float.is_integer", lambda: (1.5).is_integer(1))
attempt("float.as_integer_ratio", lambda: (1.5).as_integer_ratio(1))
attempt("float.hex", lambda: (1.5).hex(1))
attempt("float.conjugate", lambda: (1.5).conjugate(x=1))
attempt("float.__trunc__", lambda: (1.5).__trunc__(1))
attempt("complex.conjugate", lambda: (1j).conjugate(1))
attempt("globals", lambda: globals(1))
attempt("locals", lambda: locals(x=1))
attempt("sys.exc_info", lambda: sys.exc_info(1))
attempt("sys.exception", lambda: sys.exception(1))
attempt("sys.getrecursionlimit", lambda: sys.getrecursionlimit(1))
attempt("sys.getallocatedblocks", lambda: sys.getallocatedblocks(x=1))
attempt("sys._debugmallocstats", lambda: sys._debugmallocstats(1))
attempt("sys.stdout.flush", lambda: sys.stdout.flush(1))
for name in ("get_count", "get_threshold", "disable", "enable", "isenabled", "freeze",
             "unfreeze", "get_freeze_count", "get_debug", "get_stats"):
    attempt("gc." + name, lambda: getattr(gc, name)(1))
# the right calls still work
print(lst.copy(), d.copy(), s.copy(), "Ab".swapcase(), (6).bit_length(), (0.5).hex())
print(sorted(d.keys()), list(d.values()), list(d.items()), sys.getrecursionlimit() > 0)

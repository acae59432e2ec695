"""Importing a name heapsim does not provide and python3 would not find either raises the
guest ModuleNotFoundError, so the ``except ImportError`` fallbacks of library code work."""
import sys

try:
    import _heapsim_test_no_such_module
except ImportError as e:
    print(type(e).__name__, e, repr(e.name), e.path, e.msg, e.args)
    print(isinstance(e, ImportError), isinstance(e, ModuleNotFoundError),
          type(e).__mro__[1].__name__)

try:
    from _heapsim_test_accel import fast_double
except ImportError:
    def fast_double(x):
        return x * 2
print(fast_double(21))

try:
    import heapsim_test_missing_pkg.sub.mod
except ModuleNotFoundError as e:
    print(e, e.name)

try:
    __import__("heapsim_test_missing_dunder")
except ImportError as e:
    print(type(e).__name__, e, e.name)


def load(name):
    try:
        return __import__(name)
    except ImportError as e:
        return e.name


print(load("gc").isenabled(), load("heapsim_test_nope_a"), load("heapsim_test_nope_b"))
print("_heapsim_test_no_such_module" in sys.modules)

e = ImportError("boom", name="mod", path="/x/mod.py")
print(e, e.name, e.path, e.msg, e.args)
e = ModuleNotFoundError("a", "b")
print(e, e.name, e.path, e.msg, e.args)
e = ModuleNotFoundError()
print(repr(str(e)), e.name, e.msg)
try:
    ImportError("x", where=1)
except TypeError as t:
    print(t)
try:
    raise ModuleNotFoundError("custom", name="custom_mod")
except ImportError as e:
    print(e, e.name)

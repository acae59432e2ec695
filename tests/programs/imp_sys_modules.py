"""sys.modules semantics: a module deleted from it is imported again (its body runs again);
a module whose body fails is removed (and not set on its package); None in it stops the
import; a module replacing itself in sys.modules is what ``import`` binds;
importlib.import_module."""
import sys
import importlib
import imp_pkg

import imp_pkg.counter as c1
import imp_pkg.counter as c1_again
print(c1.RUNS, c1 is c1_again)
del sys.modules["imp_pkg.counter"]
import imp_pkg.counter as c2
print(c2.RUNS, c1 is c2, imp_pkg.counter is c2, c1.RUNS)
for attempt in range(2):
    try:
        import imp_pkg.fails
    except ValueError as e:
        print(type(e).__name__, e)
    print("imp_pkg.fails" in sys.modules, hasattr(sys.modules["imp_pkg"], "fails"))
sys.modules["imp_pkg.blocked"] = None
try:
    import imp_pkg.blocked
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from imp_pkg import blocked
except ImportError as e:
    print(type(e).__name__, e, e.name)
del sys.modules["imp_pkg.blocked"]

m = importlib.import_module("imp_pkg.sub.leaf")
print(m.__name__, m is sys.modules["imp_pkg.sub.leaf"])
print(importlib.import_module(".sibling", "imp_pkg").__name__,
      importlib.import_module("..sibling", "imp_pkg.sub").__name__,
      importlib.import_module(".", "imp_pkg").__name__,
      importlib.import_module("math").__name__)
for args in ((".x",), (".x", ""), ("...x", "a.b"), ("",), ("imp_pkg.no_such",),
             ("imp_pkg.sub.leaf.x",), ("no_such_top_module_xyz",)):
    try:
        importlib.import_module(*args)
    except (ImportError, TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(type(importlib).__name__, importlib.__name__, callable(importlib.import_module))
importlib.invalidate_caches()
print([k for k in sys.modules if k.startswith("imp_pkg")])
try:
    import imp_pkg.selfdel
except KeyError as e:
    print(type(e).__name__, e, "imp_pkg.selfdel" in sys.modules, hasattr(imp_pkg, "selfdel"))
import imp_pkg.replaced as r
print(type(r).__name__, r.NAME, sys.modules["imp_pkg.replaced"] is r, imp_pkg.replaced is r)
print(list(sys.modules)[-1])

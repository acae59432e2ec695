"""Packages next to the program (tests/programs/imp_pkg/): ``import a.b.c`` binds ``a`` and
sets each submodule as an attribute of its parent; the module attributes importlib sets
(``__name__``, ``__package__``, ``__file__``, ``__path__``, ``__cached__``, ``__spec__``,
``__loader__``) and their order; ``sys.modules`` order."""
import sys

HERE = __file__.rpartition("/")[0]


def rel(p):
    return p[len(HERE) + 1:] if isinstance(p, str) and p.startswith(HERE) else p


before = set(sys.modules)
import imp_pkg.sub.leaf
print(sorted(set(sys.modules) - before))
print([k for k in sys.modules if k.startswith("imp_pkg")])
print(imp_pkg.TOP, imp_pkg.sub.SUB, imp_pkg.sub.leaf.LEAF, imp_pkg.sub.leaf.where())
print("sub" in vars(imp_pkg), "leaf" in vars(imp_pkg.sub), "sibling" in vars(imp_pkg))
for m in (imp_pkg, imp_pkg.sub, imp_pkg.sub.leaf):
    print(m.__name__, repr(m.__package__), rel(m.__file__), rel(m.__cached__))
    print(" ", list(vars(m))[:9])
    print(" ", [rel(p) for p in getattr(m, "__path__", [])], hasattr(m, "__path__"))
    spec = m.__spec__
    print(" ", type(spec).__name__, spec.name, repr(spec.parent), rel(spec.origin),
          spec.has_location, rel(spec.cached), spec.loader_state)
    print(" ", spec.submodule_search_locations is getattr(m, "__path__", None),
          None if spec.submodule_search_locations is None
          else [rel(p) for p in spec.submodule_search_locations])
    print(" ", type(m.__loader__).__name__, type(m.__loader__).__module__,
          m.__loader__.name, rel(m.__loader__.path), m.__loader__ is spec.loader)
    print(" ", sorted(vars(spec)))
    print(" ", spec._initializing, sys.modules[m.__name__] is m)

import imp_pkg.sub.leaf as leaf_alias
import imp_pkg.sub as sub_alias
print(leaf_alias is imp_pkg.sub.leaf, sub_alias is imp_pkg.sub)
from imp_pkg.sub import leaf
from imp_pkg import sub, sibling
print(leaf is leaf_alias, sub is sub_alias, sibling.SIB, "sibling" in vars(imp_pkg))
print([k for k in sys.modules if k.startswith("imp_pkg")])
from imp_pkg.sub.leaf import LEAF as L, where
print(L, where())
m = __import__("imp_pkg.sub.leaf")
print(m is imp_pkg)
m = __import__("imp_pkg.sub.leaf", fromlist=["LEAF"])
print(m is leaf)
m = __import__("imp_pkg.sub", globals(), None, ("leaf", "no_such_sub"), 0)
print(m is sub)
print(sys.getrefcount(imp_pkg.sub.leaf) - sys.getrefcount(imp_pkg.sibling))
try:
    import imp_pkg.sub.leaf.deeper
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    import imp_pkg.no_such_module
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from imp_pkg import no_such_name
except ImportError as e:
    print(type(e).__name__, str(e).replace(e.path, "<path>"), e.name, rel(e.path))
try:
    from imp_pkg.sub.leaf import nope
except ImportError as e:
    print(type(e).__name__, str(e).replace(e.path, "<path>"), e.name, rel(e.path))

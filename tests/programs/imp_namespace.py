"""A namespace package (PEP 420: a folder without __init__.py)."""
import sys
import imp_ns.part.mod

HERE = __file__.rpartition("/")[0]
print(imp_ns.part.mod.NS_VALUE, imp_ns.__name__, imp_ns.__package__, imp_ns.__file__)
print(list(vars(imp_ns)), list(vars(imp_ns.part)))
print(type(imp_ns.__path__).__name__, [p[len(HERE) + 1:] for p in imp_ns.__path__],
      len(imp_ns.part.__path__))
print(imp_ns.__spec__.origin, imp_ns.__spec__.has_location, imp_ns.__spec__.parent,
      type(imp_ns.__loader__).__name__)
print(repr(imp_ns.__path__).replace(HERE, "<here>"))
from imp_ns import part
print(part is imp_ns.part, [k for k in sys.modules if k.startswith("imp_ns")])
try:
    from imp_ns import nothing
except ImportError as e:
    print(type(e).__name__, e, e.name, e.path)

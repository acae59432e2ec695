"""Relative imports (``from . import x``, ``from ..p import y``) and python3's errors for
them: no known parent package, beyond the top-level package, a missing submodule/name."""
import imp_pkg.sub.rel as rel

print(rel.SEEN)
print(rel.__package__, rel.__spec__.parent)
for fn in (rel.beyond, rel.beyond_far, rel.missing, rel.missing_name):
    try:
        fn()
    except ImportError as e:
        print(fn.__name__, type(e).__name__, str(e).split(" (")[0], e.name)
try:
    from . import anything
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    from .sibling import SIB
except ImportError as e:
    print(type(e).__name__, e)
print(__package__, __spec__)
g = {"__name__": "imp_pkg.sub.leaf"}
print(__import__("sibling", g, None, ["SIB"], 2).SIB)
print(__import__("", g, None, ["leaf"], 1).__name__)
print(__import__("leaf", g, None, None, 1).__name__)
print(__import__("sub.leaf", {"__package__": "imp_pkg"}, None, None, 1).__name__)
g = {"__name__": "imp_pkg", "__path__": []}
print(__import__("sibling", g, None, ["x"], 1).__name__)
for g, level in (({}, 1), ({"__package__": 5}, 1), ({"__name__": 7}, 1),
                 ({"__package__": ""}, 1), ({"__name__": "top"}, 1),
                 ({"__package__": "a.b"}, 3), (None, 1), ({"__name__": "x"}, -1)):
    try:
        __import__("m", g, None, None, level)
    except (ImportError, KeyError, TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    __import__("")
except ValueError as e:
    print(type(e).__name__, e)
from imp_pkg import sub, sibling
print(sub.rel is rel, sibling.SIB)

"""``from X import Y`` with no Y in X: python3's ImportError text, ``name`` and ``path``."""
import math
import sys


try:
    from math import nope
except ImportError as e:
    print(e)
    print(e.name, e.path == getattr(math, "__file__", None))
try:
    from gc import nope
except ImportError as e:
    print(e, e.name, e.path)
try:
    from sys import nope, path
except ImportError as e:
    print(e, e.name, e.path)
try:
    from errno import ENOENT, nope
except ImportError as e:
    print(e, e.name, e.path)
try:
    from builtins import len, nope
except ImportError as e:
    print(e, e.name, e.path)
try:
    from weakref import ref, nope
except ImportError as e:
    print(type(e).__name__, e.name)
try:
    from flow_mod_a import VALUE, nope
except ImportError as e:
    print(e.name, e.path == sys.modules["flow_mod_a"].__file__,
          str(e) == f"cannot import name 'nope' from 'flow_mod_a' ({e.path})")
from math import floor, pi
print(floor(pi))
from math import nope

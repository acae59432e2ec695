"""``from X import Y`` with no Y in X: python3's ImportError text, ``name`` and ``path``."""
import math
import sys


def report(stmt):
    try:
        stmt()
    except ImportError as e:
        print(type(e).__name__, e, e.name, e.path)


def from_gc():
    from gc import nope


def from_sys():
    from sys import nope, path


def from_errno():
    from errno import ENOENT, nope


def from_builtins():
    from builtins import len, nope


for stmt in (from_gc, from_sys, from_errno, from_builtins):
    report(stmt)
try:
    from math import nope
except ImportError as e:
    print(e)
    print(e.name, e.path == getattr(math, "__file__", None))
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

"""``import X as Y``, ``from X import Y as Z`` and ``sys.modules`` identity for the table's
modules."""
import sys as s
import sys
print(s is sys, s is sys.modules["sys"], "gc" in sys.modules, "builtins" in sys.modules)
import gc as g, math as m
from gc import collect as c, isenabled
from math import floor as fl, pi as PI
print(g is sys.modules["gc"], m is sys.modules["math"], "gc" in sys.modules)
print(c is g.collect, c(), isenabled(), fl(PI), fl is m.floor)
print(type(c).__name__, repr(fl))
import builtins
print(builtins is sys.modules["builtins"], builtins.len is len, __builtins__ is builtins)
import gc
print(gc is g, sys.getrefcount(gc) - sys.getrefcount(g))
import weakref as w
import weakref
print(w is weakref, weakref is sys.modules["weakref"], w.ref is weakref.ReferenceType)
print(sorted(k for k in ("sys", "gc", "math", "weakref", "builtins") if k in sys.modules))

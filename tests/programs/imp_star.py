"""``from X import *``: ``__all__`` when the module has it (private names included), else
every name not starting with ``_``; the errors of a bad ``__all__``."""
import sys

before = set(globals())
from imp_pkg.star_all import *
print(sorted(set(globals()) - before - {"before"}))
before = set(globals())
from imp_pkg.star_plain import *
print(sorted(set(globals()) - before - {"before"}))
print(PUBLIC, _private_but_listed, helper(), ALPHA, delta())
before = set(globals())
from imp_pkg import *
print(sorted(set(globals()) - before - {"before"}))
try:
    from imp_pkg.star_bad import *
except TypeError as e:
    print(type(e).__name__, e, "OK" in globals())
try:
    from imp_pkg.star_missing import *
except AttributeError as e:
    print(type(e).__name__, e, THERE)

from sys import *
print(getrefcount is sys.getrefcount, "path" in globals(), "_getframe" in globals())
from math import *
print(floor(pi), "tau" in globals())

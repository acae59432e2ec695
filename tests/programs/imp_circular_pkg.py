"""A circular import inside a package: the partially initialised module is visible, and
python3's texts for a name it does not have yet."""
import sys
import imp_pkg.circ.a as a
print(a.A_EARLY, a.A_LATE, a.b.B, sys.modules["imp_pkg.circ.b"] is a.b)
print([k for k in sys.modules if k.startswith("imp_pkg.circ")])
print(a.__spec__._initializing, a.b.__spec__._initializing)

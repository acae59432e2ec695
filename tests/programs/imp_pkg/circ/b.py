print("init circ.b start")
from . import a
print("circ.b sees a partially:", a.A_EARLY, hasattr(a, "A_LATE"))
B = "b"
try:
    from .a import A_LATE
except ImportError as e:
    print("circ.b:", type(e).__name__, str(e).replace(e.path, "<path>"), e.name)
try:
    a.A_LATE
except AttributeError as e:
    print("circ.b:", e)

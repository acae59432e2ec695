import sys
import flow_mod_a
import flow_mod_a as again
from flow_mod_a import VALUE, bump, describe as d
import flow_mod_a as m2

print(flow_mod_a is again, again is m2)
print(VALUE, bump(), bump(), flow_mod_a.counter)
print(d())
print(flow_mod_a.__name__, "flow_mod_a" in sys.modules, sys.modules["flow_mod_a"] is m2)
print(__name__, sys.modules["__main__"].__name__)
print(sys.getrefcount(98765))
try:
    from flow_mod_a import missing_name
except ImportError as e:
    print("ImportError", str(e).split(" (")[0])
try:
    import flow_no_such_module_here
except ModuleNotFoundError as e:
    print(type(e).__name__, e)

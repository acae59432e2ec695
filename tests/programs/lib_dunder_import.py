import sys, builtins
m = __import__("math")
print(m is sys.modules["math"], m.floor(2.5), getattr(builtins, "True"), __import__("gc").isenabled())
w = builtins.__import__("weakref")
print(type(w).__name__)
try:
    __import__("")
except ValueError as e:
    print(e)
try:
    __import__("flow_nonexistent_module_q")
except ImportError as e:
    print(type(e).__name__, e)

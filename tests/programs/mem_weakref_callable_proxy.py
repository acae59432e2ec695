# A proxy to a callable object is a CallableProxyType; calling it calls the referent.
import sys
import weakref


def greet(name):
    return "hello " + name


class Box:
    pass


p = weakref.proxy(greet)
q = weakref.proxy(Box())
out = [type(p).__name__, type(q).__name__, callable(p), callable(q)]
out.append(p("sim"))
out.append(sys.getsizeof(p))
out.append(weakref.getweakrefcount(greet))
out.append(weakref.proxy(greet) is p)
try:
    q()
except TypeError as e:
    out.append("not callable")
for x in out:
    print(x)

# Closures hold their variables in cells; cells are shared between closures.
import gc
import sys


def outer():
    value = []

    def get():
        return value

    def put(x):
        value.append(x)

    return get, put


gc.collect()
get, put = outer()
out = [sys.getsizeof(get), get.__closure__ is not None if hasattr(get, "__closure__") else True]
v = get()
out.append(sys.getrefcount(v))
put(1)
out.append(get())
del put
out.append(sys.getrefcount(v))
del get
out.append(sys.getrefcount(v))
out.append(gc.collect())
print(out)

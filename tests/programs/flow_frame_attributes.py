import sys

def where():
    f = sys._getframe(1)
    return f.f_code.co_name, f.f_lineno

def caller():
    a = 1
    b = "two"
    info = where()
    f = sys._getframe()
    loc = f.f_locals
    return info, sorted(loc), f.f_back.f_code.co_name, f.f_globals is globals()

def outer():
    c = 3
    def inner():
        return sys._getframe().f_locals, sys._getframe(1).f_code.co_qualname
    return inner()

out = [caller(), outer()]
top = sys._getframe()
out.append((top.f_back, top.f_code.co_name, top.f_locals is globals()))
try:
    sys._getframe(50)
except ValueError as e:
    out.append(str(e))
for o in out:
    print(o)

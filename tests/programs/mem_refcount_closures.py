import sys
def make():
    obj = []
    def inner():
        return obj
    return inner, obj
f, o = make()
r1 = sys.getrefcount(o)
g, o2 = make()
r2 = sys.getrefcount(o2)
del f
r3 = sys.getrefcount(o)
print(r1, r2, r3)

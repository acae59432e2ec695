import gc, sys
gc.collect()
gc.disable()

def grab():
    return sys._getframe()

def grab_deep():
    return grab()

c0 = gc.get_count()[0]
f = grab()
c1 = gc.get_count()[0]
g = grab_deep()
c2 = gc.get_count()[0]
back = g.f_back
rc = (sys.getrefcount(f), sys.getrefcount(back))
names = (f.f_code.co_name, back.f_code.co_name, back.f_back is sys._getframe())
del f, g, back
c3 = gc.get_count()[0]
gc.enable()
print(c1 - c0, c2 - c1, c3 - c2, rc, names)

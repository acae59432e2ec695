import sys
x = object()
r = [sys.getrefcount(x)]
y = x
r.append(sys.getrefcount(x))
l = [x, x, x]
r.append(sys.getrefcount(x))
d = {'a': x}
r.append(sys.getrefcount(x))
del l
r.append(sys.getrefcount(x))
d['a'] = None
r.append(sys.getrefcount(x))
del y
r.append(sys.getrefcount(x))
r.append(sys.getrefcount(object()))
r.append(sys.getrefcount([]))
print(r)

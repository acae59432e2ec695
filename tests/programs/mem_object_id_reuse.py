r = [id(object()) == id(object())]
a = object()
ia = id(a)
del a
b = object()
r.append(id(b) == ia)
x = 10 ** 20
ix = id(x)
del x
y = 10 ** 21
r.append(id(y) == ix)
print(r)

x = 255
i0 = id(x)
x += 1
i1 = id(x)
x += 1
i2 = id(x)
y = 256
lst = [1]
l0 = id(lst)
lst += [2]
l1 = id(lst)
t = (1,)
t0 = id(t)
t += (2,)
t1 = id(t)
s = 'ab'
z = 256
print(i0 == i1, x is y, y is z, l0 == l1, t0 == t1, lst, t)

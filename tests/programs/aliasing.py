import sys

a = [1, 2, 3]
b = a
b.append(4)
print(a, a is b, id(a) == id(b))
c = list(a)
print(c == a, c is a)
x = 1000
y = x
x += 1
print(x, y, x is y)
s = 5
t = 5
print(s is t)
n = 256
m = 255 + 1
print(n is m)
p = 257
q = 256 + int("1")
print(p == q, p is q)
print(sys.getrefcount(a))
del b
print(sys.getrefcount(a))

import sys
k = 'key' + str(1)
k2 = 'key' + str(1)
d = {}
a = sys.getrefcount(k)
d[k] = 1
b = sys.getrefcount(k)
d[k2] = 2
c = sys.getrefcount(k), sys.getrefcount(k2)
del d[k]
e = sys.getrefcount(k)
print(a, b, c, e, k is k2, k == k2)

import sys
a = sys.getrefcount(7)
l = [7] * 1000
b = sys.getrefcount(7)
del l
c = sys.getrefcount(7)
print(b - a, c - a, sys.getrefcount(7) > 1000000000)

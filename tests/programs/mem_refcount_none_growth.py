import sys
a = sys.getrefcount(None)
l = [None] * 500
b = sys.getrefcount(None)
t = sys.getrefcount(True)
l2 = [True] * 77
t2 = sys.getrefcount(True)
del l
c = sys.getrefcount(None)
print(b - a, t2 - t, c - a)

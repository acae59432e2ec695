# None, True and small ints are shared: containers raise their counts by one per slot.
import sys

n0 = sys.getrefcount(None)
t0 = sys.getrefcount(True)
i0 = sys.getrefcount(7)
big = [None] * 1000
flags = [True] * 300
sevens = (7,) * 50
n1 = sys.getrefcount(None)
t1 = sys.getrefcount(True)
i1 = sys.getrefcount(7)
del big, flags, sevens
n2 = sys.getrefcount(None)
print(n1 - n0, t1 - t0, i1 - i0, n2 - n0)
print(sys.getrefcount(7) > 1000000000, sys.getrefcount(None) < 1000000000)

import sys
a = [[1], [2], [3]]
b = a.copy()
c = list(a)
d = a[:]
same = [b[i] is a[i] and c[i] is a[i] and d[i] is a[i] for i in range(3)]
rc = sys.getrefcount(a[0])
sizes = [sys.getsizeof(x) for x in (a, b, c, d)]
print(same, rc, sizes, b is a, c is a)

import sys
x = []
res = []
for i in range(3):
    res.append(sys.getrefcount(x))
for item in [x, x]:
    res.append(sys.getrefcount(x))
res.append(sys.getrefcount(x))
for k, v in {'a': x}.items():
    res.append(sys.getrefcount(x))
res.append([sys.getrefcount(x) for _ in range(2)])
res.append(sys.getrefcount(x))
print(res)

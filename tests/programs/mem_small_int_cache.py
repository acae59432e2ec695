res = []
for base in (250, 254, 255, 256, 257, 300, -4, -5, -6):
    x = base + 0
    y = int(str(base))
    res.append((base, x is y))
n = 10
m = n * 25 + 6
k256 = 256
res.append(m is k256)
m2 = n * 25 + 7
k257 = 257
res.append(m2 is k257)
print(res)

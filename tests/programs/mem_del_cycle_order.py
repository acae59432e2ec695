import gc
gc.collect()
log = []
class T:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        log.append(self.n)
a = T(1); b = T(2); c = T(3)
a.n2 = b; b.n2 = c; c.n2 = a
del a, b, c
r1 = gc.collect()
z = T(30); y = T(20); x = T(10)
x.p = y; y.p = z; z.p = x
del x, y, z
r2 = gc.collect()
print(r1, r2, log)

import gc
gc.collect()
class K:
    def m(self):
        return 1
k = K()
gc.get_count()
k.m()
c0 = gc.get_count()[0]
k.m()
c1 = gc.get_count()[0]
bm = k.m
c2 = gc.get_count()[0]
x = K()
c3 = gc.get_count()[0]
del x
c4 = gc.get_count()[0]
print(c1 - c0, c2 - c1, c3 - c2, c4 - c3)

import gc
gc.collect()
saved = []
class R:
    def __del__(self):
        saved.append(self)
a = R(); b = R()
a.b = b; b.a = a
del a, b
n1 = gc.collect()
fin = [gc.is_finalized(x) for x in saved]
saved.clear()
n2 = gc.collect()
print(n1, fin, n2)

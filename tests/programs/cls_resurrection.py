# Resurrection in __del__: the object lives on, __del__ runs once only (PEP 442).
import gc, sys
saved = []
class Phoenix:
    def __init__(self, n): self.n = n
    def __del__(self):
        print('del', self.n)
        saved.append(self)
p = Phoenix(1)
del p
print(len(saved), saved[0].n, sys.getrefcount(saved[0]))
q = saved.pop()
del q
print('second death passed', len(saved))
gc.collect()
a = Phoenix('a'); b = Phoenix('b')
a.b = b; b.a = a
del a, b
print(gc.collect(), [s.n for s in saved])
saved.clear()
print(gc.collect())

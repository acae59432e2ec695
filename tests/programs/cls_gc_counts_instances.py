# gc counts and collect() results with materialised and unmaterialised instance dicts.
import gc
gc.collect()
class A: pass
def cycle(materialise):
    a, b = A(), A()
    a.o, b.o = b, a
    if materialise:
        a.__dict__; b.__dict__
r = []
cycle(False); r.append(gc.collect())
cycle(True); r.append(gc.collect())
s = A(); s.me = s; del s; r.append(gc.collect())
class Sl:
    __slots__ = ('o',)
u, v = Sl(), Sl(); u.o = v; v.o = u; del u, v; r.append(gc.collect())
print(r)

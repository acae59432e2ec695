# Many attributes on instances: shared keys fill up, later instances fall back to dicts.
import sys
class W: pass
objs = []
sizes = []
for i in range(4):
    o = W()
    for j in range(12 + 8 * i):
        setattr(o, f'attr{j}', j)
    objs.append(o)
    sizes.append(sys.getsizeof(o.__dict__))
class Few: pass
f = Few(); f.a = 1
g = Few(); g.b = 2; g.a = 3
print(sizes, sys.getsizeof(f.__dict__), sys.getsizeof(g.__dict__), list(g.__dict__))

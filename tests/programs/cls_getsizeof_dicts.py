# getsizeof of materialised __dict__s: the dk_usable decrement per instance, combined dicts.
import sys
class B:
    def __init__(self): self.x = 1
sizes = [sys.getsizeof(B().__dict__) for i in range(6)]
class Many: pass
m = Many()
for i in range(30):
    setattr(m, f'a{i}', i)
big = sys.getsizeof(m.__dict__)
class Two:
    def __init__(self): self.a = 1; self.b = 2
t = Two()
before = sys.getsizeof(t)
d = t.__dict__
after = sys.getsizeof(t)
print(sizes, big, before, after, sys.getsizeof(d))

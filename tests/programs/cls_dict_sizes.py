import sys
class B:
    pass
sizes = []
objs = []
for i in range(12):
    o = B()
    o.x = i
    objs.append(o)
    sizes.append(sys.getsizeof(o.__dict__))
print(sizes)
class P:
    def __init__(self):
        self.a = 1
        self.b = 2
        self.c = 3
p = P()
s1 = sys.getsizeof(p)
d = p.__dict__
s2 = sys.getsizeof(d)
print(s1, s2, d)

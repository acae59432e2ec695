import sys
class B:
    pass
sizes = []
objs = []
for i in range(12):
    b = B()
    b.x = i
    objs.append(b)
    sizes.append(sys.getsizeof(b.__dict__))
class C:
    pass
c = C()
for i in range(30):
    setattr(c, 'a%d' % i, i)
print(sizes, sys.getsizeof(c.__dict__))

import gc
gc.collect()
class Node:
    pass
a = Node(); b = Node()
a.other = b; b.other = a
del a, b
n1 = gc.collect()
c = Node(); d = Node()
c.other = d; d.other = c
c.__dict__; d.__dict__
del c, d
n2 = gc.collect()
e = Node()
e.me = e
del e
n3 = gc.collect()
print(n1, n2, n3)

# Blocks and gc counts of class creation: tp_subclasses weakrefs, the args tuple, set_names copy, slots list.
import sys, gc
gc.collect()
r = []
def m():
    r.append((sys.getallocatedblocks(), gc.get_count()[0]))
m()
class A:
    x = 1
m()
class B(A):
    def f(self): pass
m()
class C(A, metaclass=type):
    __slots__ = ('a', 'b')
m()
D = type('D', (B,), {'y': 2})
m()
class E(Exception): pass
m()
class M(type): pass
m()
class K(metaclass=M): pass
m()
class I(int): pass
m()
a = A(); m()
b = B(); m()
c = C(); m()
del B, b
m()
gc.collect()
m()
d = [(r[i+1][0]-r[i][0], r[i+1][1]-r[i][1]) for i in range(len(r)-1)]
# the first two block deltas depend on the start-up state (python3's environment)
print([x[1] for x in d[:2]], d[2:])
print(A.__subclasses__(), type(A.__subclasses__()[0]))

import weakref, sys, gc
class Node:
    pass
n = Node()
r = weakref.ref(n)
print(r() is n, weakref.getweakrefcount(n), sys.getrefcount(n))
log = []
r2 = weakref.ref(n, lambda ref: log.append('cb'))
del n
print(r(), r2(), log)
class Slotted:
    __slots__ = ('a',)
try:
    weakref.ref(Slotted())
except TypeError as e:
    print(e)

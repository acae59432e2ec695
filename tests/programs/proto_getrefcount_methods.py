# Refcounts through method calls: self inside a method, the class held by instances.
import sys
class T:
    def rc(self): return sys.getrefcount(self)
    @classmethod
    def crc(cls): return sys.getrefcount(cls)
t = T()
r = [t.rc(), sys.getrefcount(t)]
base = sys.getrefcount(T)
more = [T() for i in range(3)]
r.append(sys.getrefcount(T) - base)
m = t.rc
r.append(sys.getrefcount(t))
r.append(T.crc() - base)
del more, m
r.append(sys.getrefcount(T) - base)
print(r)

import weakref, sys
s = {1, 2, 3}
a = weakref.ref(s)
b = weakref.ref(s)
c = weakref.ref(s, lambda r: None)
d = weakref.ref(s, None)
print(a is b, a is c, a is d, a() is s, sys.getsizeof(a), weakref.getweakrefcount(s), len(weakref.getweakrefs(s)))
print(type(a).__name__, weakref.ReferenceType is weakref.ref, a == b)

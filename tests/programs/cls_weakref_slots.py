# Weak references to instances: classes with and without a __weakref__ slot.
import weakref
class Plain: pass
class NoWeak: __slots__ = ('a',)
class WithWeak: __slots__ = ('a', '__weakref__')
class Sub(NoWeak): pass
p = Plain()
r = weakref.ref(p)
print(r() is p, weakref.getweakrefcount(p))
for cls in (NoWeak, Sub, WithWeak):
    try:
        w = weakref.ref(cls())
        print(cls.__name__, 'ok', w() is None)
    except TypeError as e:
        print(cls.__name__, e)
for v in (1, 'x', (1,), [1], {}, None, object()):
    try:
        weakref.ref(v)
    except TypeError as e:
        print(e)

# __slots__ layouts: sizes with and without __dict__ / __weakref__, inheritance of slots.
import sys
class P0: __slots__ = ()
class P1: __slots__ = ('a',)
class P3: __slots__ = ('a', 'b', 'c')
class PD: __slots__ = ('a', '__dict__')
class PW: __slots__ = ('a', '__weakref__')
class PDW: __slots__ = ('__dict__', '__weakref__')
class Sub(P1): __slots__ = ('b',)
class SubNoSlots(P1): pass
class Plain: pass
res = []
for cls in (P0, P1, P3, PD, PW, PDW, Sub, SubNoSlots, Plain):
    o = cls()
    res.append((cls.__name__, sys.getsizeof(o), cls.__basicsize__, hasattr(o, '__dict__'), hasattr(cls, '__weakref__')))
for r in res:
    print(*r)

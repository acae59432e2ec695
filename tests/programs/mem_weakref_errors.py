import weakref
out = []
for v in (1, 'abc', (1,), [1], {'a': 1}, 1.5, None, object()):
    try:
        weakref.ref(v)
        out.append('ok')
    except TypeError as e:
        out.append(str(e))
class Slotted:
    __slots__ = ('x',)
try:
    weakref.ref(Slotted())
except TypeError as e:
    out.append(str(e))
print(out)

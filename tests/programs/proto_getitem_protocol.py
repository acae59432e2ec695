# Item access: __getitem__ with slices, __setitem__/__delitem__, iteration through __getitem__.
class Seq:
    def __init__(self): self.d = {}
    def __getitem__(self, k):
        if isinstance(k, slice):
            return ('slice', k.start, k.stop, k.step)
        if isinstance(k, int) and k >= 3:
            raise IndexError(k)
        return k * 10
    def __setitem__(self, k, v): self.d[k] = v
    def __delitem__(self, k): del self.d[k]
s = Seq()
print(s[1], s[1:5], s[::2], s[1, 2] if False else s[2])
s['a'] = 1; s['b'] = 2
del s['a']
print(s.d, list(s), 20 in s, 99 in s)
it = iter(s)
print(type(it).__name__, next(it), next(it))
class NoSet: pass
try:
    NoSet()[0] = 1
except TypeError as e:
    print(e)
try:
    del NoSet()[0]
except TypeError as e:
    print(e)
try:
    NoSet()[0]
except TypeError as e:
    print(e)

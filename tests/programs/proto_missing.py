# __missing__ in dict subclasses: called by [] only, not by get() or in.
class Default(dict):
    def __missing__(self, key):
        print('missing', key)
        v = self[key] = len(key)
        return v
d = Default(a=1)
print(d['a'], d['xyz'], d.get('q'), 'q' in d, d)
class Counter(dict):
    def __missing__(self, k): return 0
c = Counter()
for ch in 'hello':
    c[ch] = c[ch] + 1
print(sorted(c.items()))
class NoMiss(dict): pass
try:
    NoMiss()['x']
except KeyError as e:
    print('KeyError', e)

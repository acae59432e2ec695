import sys
class Counter(dict):
    def __missing__(self, key):
        return 0
c = Counter()
c['a'] = c['a'] + 1
c['a'] += 1
print(c, c['zz'], len(c), sys.getsizeof(Counter()), isinstance(c, dict))
class AttrDict(dict):
    def __getattr__(self, k):
        try:
            return self[k]
        except KeyError:
            raise AttributeError(k)
a = AttrDict(x=1, y=2)
print(a.x, a['y'], sorted(a))

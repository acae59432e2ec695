# dict subclass: __setitem__ overrides are not used by update() or the constructor.
class Upper(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.upper(), v)
d = Upper(a=1)
d['b'] = 2
d.update(c=3)
d.setdefault('e', 5)
print(sorted(d.items()), type(d).__name__, isinstance(d, dict), len(d))
class Attr(dict):
    def __getattr__(self, k):
        try:
            return self[k]
        except KeyError:
            raise AttributeError(k)
a = Attr(x=1, y=2)
print(a.x, a.y, hasattr(a, 'z'), a.get('x'), list(a), dict(a) == {'x': 1, 'y': 2})
print(Upper.fromkeys('ab', 0), type(Upper.fromkeys('ab')).__name__)

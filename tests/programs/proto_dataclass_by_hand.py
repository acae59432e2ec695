# A dataclass-like class written by hand: generated __init__, __repr__, __eq__, ordering, hash.
def fields_of(cls):
    return [k for k in cls.__annotations__]
def dataclass(cls):
    names = fields_of(cls)
    defaults = {n: cls.__dict__[n] for n in names if n in cls.__dict__}
    def __init__(self, *args, **kw):
        for i, n in enumerate(names):
            if i < len(args):
                v = args[i]
            elif n in kw:
                v = kw[n]
            else:
                v = defaults[n]
            setattr(self, n, v)
    def __repr__(self):
        return cls.__name__ + '(' + ', '.join(f'{n}={getattr(self, n)!r}' for n in names) + ')'
    def astuple(self):
        return tuple(getattr(self, n) for n in names)
    def __eq__(self, other):
        if other.__class__ is not self.__class__:
            return NotImplemented
        return astuple(self) == astuple(other)
    def __lt__(self, other):
        return astuple(self) < astuple(other)
    def __hash__(self):
        return hash(astuple(self))
    for f in (__init__, __repr__, __eq__, __lt__, __hash__):
        setattr(cls, f.__name__, f)
    return cls
@dataclass
class Item:
    name: str
    price: float = 1.0
    qty: int = 0
a = Item('apple', 0.5, 3)
b = Item('bread', qty=2)
print(a, b, a == Item('apple', 0.5, 3), a != b, sorted([b, a]) == [a, b])
print(len({a, Item('apple', 0.5, 3), b}), Item.__init__.__name__, Item.__annotations__)

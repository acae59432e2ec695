# An enum-like class built with a metaclass: members created at class creation, iteration, lookup.
class EnumMeta(type):
    def __new__(mcls, name, bases, ns):
        members = {k: v for k, v in ns.items() if not k.startswith('_') and isinstance(v, int)}
        cls = super().__new__(mcls, name, bases, ns)
        cls._members = []
        for k, v in members.items():
            m = object.__new__(cls)
            m.name, m.value = k, v
            setattr(cls, k, m)
            cls._members.append(m)
        return cls
    def __iter__(cls):
        return iter(cls._members)
    def __len__(cls):
        return len(cls._members)
    def __getitem__(cls, name):
        return getattr(cls, name)
    def __contains__(cls, m):
        return m in cls._members
class Enum(metaclass=EnumMeta):
    def __repr__(self):
        return f'<{type(self).__name__}.{self.name}: {self.value}>'
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
print(list(Color), len(Color), Color['GREEN'], Color.RED in Color, Color.RED is Color['RED'])
print(type(Color).__name__, isinstance(Color.BLUE, Color), Color.BLUE.value, [c.name for c in Color])

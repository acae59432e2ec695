class EnumMeta(type):
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        cls._members = []
        for k, v in list(ns.items()):
            if not k.startswith('_') and isinstance(v, int):
                m = cls.__new__(cls)
                m.name, m.value = k, v
                setattr(cls, k, m)
                cls._members.append(m)
        return cls
    def __iter__(cls):
        return iter(cls._members)
    def __len__(cls):
        return len(cls._members)
class Enum(metaclass=EnumMeta):
    def __repr__(self):
        return f"<{type(self).__name__}.{self.name}: {self.value}>"
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
print(list(Color), len(Color), Color.RED, Color.GREEN.value, isinstance(Color.BLUE, Color))

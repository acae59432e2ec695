# Metaclass __call__: singletons and instance registries; __init__ of the metaclass.
class Singleton(type):
    _inst = {}
    def __call__(cls, *a, **k):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a, **k)
        return cls._inst[cls]
class Config(metaclass=Singleton):
    def __init__(self, v=0):
        print('init', v)
        self.v = v
a = Config(1)
b = Config(2)
print(a is b, a.v)
class Tracking(type):
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
        cls.created = name.lower()
class T(metaclass=Tracking): pass
class U(T): pass
print(T.created, U.created, type(U) is Tracking)

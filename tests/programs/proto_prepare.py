# __prepare__ returning a pre-seeded namespace; keywords reach __prepare__, __new__ and __init__.
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print('prepare', name, kw)
        return {'seeded': name.lower(), 'helper': lambda x: x * 2}
    def __new__(mcls, name, bases, ns, **kw):
        print('new', sorted(k for k in ns if not k.startswith('__')))
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        print('init', kw)
        super().__init__(name, bases, ns)
class A(metaclass=Meta, flag=True):
    z = helper(21)
    def m(self): return self.seeded
print(A.z, A().m(), A.seeded, type(A).__name__)

registry = []
class Plugin:
    def __init_subclass__(cls, key=None, **kw):
        super().__init_subclass__(**kw)
        registry.append((cls.__name__, key))
class A(Plugin, key='a'):
    pass
class B(Plugin):
    pass
class C(A, key='c'):
    pass
print(registry)
try:
    class D(key=1):
        pass
except TypeError as e:
    print(e)

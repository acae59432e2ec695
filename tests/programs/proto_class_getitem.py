# __class_getitem__ (implicitly a classmethod) and __init_subclass__ with keywords.
class G:
    def __class_getitem__(cls, item):
        return (cls.__name__, item)
print(G[int], G[1, 2])
class Registry:
    subs = []
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
        Registry.subs.append(cls.__name__)
class A(Registry, tag='a'): pass
class B(A): pass
print(Registry.subs, A.tag, B.tag)
try:
    class C(Registry, bogus=1, tag='c'): pass
except TypeError as e:
    print(e)
try:
    int[0] if False else G[0]
    object[int]
except TypeError as e:
    print(e)

# User descriptors: data vs non-data precedence, __set_name__, __delete__, class access.
class Field:
    def __set_name__(self, owner, name):
        self.name = '_' + name
        print('set_name', owner.__name__, name)
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, 'unset')
    def __set__(self, obj, v):
        setattr(obj, self.name, v)
    def __delete__(self, obj):
        delattr(obj, self.name)
class NonData:
    def __get__(self, obj, objtype=None):
        return 'nondata'
class P:
    f = Field()
    n = NonData()
p = P()
print(p.f, P.f.name)
p.f = 3
print(p.f, p.__dict__)
del p.f
print(p.f)
print(p.n)
p.__dict__['n'] = 'instance wins'
p.__dict__['f'] = 'dict loses'
print(p.n, p.f)

# __getattr__ only for missing attributes; __getattribute__ for all; __setattr__/__delattr__.
class Lazy:
    def __init__(self): self.real = 1
    def __getattr__(self, name):
        if name.startswith('x'):
            return name.upper()
        raise AttributeError(name)
l = Lazy()
print(l.real, l.xyz, hasattr(l, 'nope'), getattr(l, 'nope', 'dflt'))
class Spy:
    def __getattribute__(self, name):
        print('get', name)
        return object.__getattribute__(self, name)
    def __setattr__(self, name, v):
        print('set', name, v)
        object.__setattr__(self, name, v * 2)
    def __delattr__(self, name):
        print('del', name)
        object.__delattr__(self, name)
s = Spy()
s.a = 5
print(s.a)
del s.a
try:
    s.a
except AttributeError as e:
    print('AE', e)

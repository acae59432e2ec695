class Dyn:
    def __init__(self):
        self.real = 1
    def __getattr__(self, name):
        if name.startswith('x'):
            return name.upper()
        raise AttributeError(name)
d = Dyn()
print(d.real, d.xyz, getattr(d, 'xa', None), hasattr(d, 'nope'), getattr(d, 'nope', 'dflt'))
class Rec:
    def __init__(self):
        object.__setattr__(self, 'log', [])
    def __setattr__(self, k, v):
        self.log.append(k)
        object.__setattr__(self, k, v)
    def __delattr__(self, k):
        self.log.append('del ' + k)
        object.__delattr__(self, k)
r = Rec()
r.a = 1
r.b = 2
del r.a
print(r.log, r.b, hasattr(r, 'a'))
class Ga:
    def __getattribute__(self, name):
        if name == 'magic':
            return 42
        return object.__getattribute__(self, name)
g = Ga()
g.q = 7
print(g.magic, g.q)

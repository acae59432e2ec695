# str subclass: methods return str, the subclass as dict key, __new__ normalisation.
class Name(str):
    def __new__(cls, v):
        return super().__new__(cls, v.strip().title())
    def greet(self): return 'Hello ' + self
n = Name('  ada lovelace ')
print(repr(n), n.greet(), type(n.upper()).__name__, type(str(n)).__name__, n == 'Ada Lovelace')
d = {n: 1}
print(d['Ada Lovelace'], len(n), n.split(), n[0], type(n[0]).__name__, n.startswith('Ada'))
print(f'{n:>15}|', '%s!' % n, n * 2, ', '.join([n, 'x']))
class Tag(str):
    pass
t = Tag('x')
t.attr = 5
print(t.attr, t, t.__dict__)

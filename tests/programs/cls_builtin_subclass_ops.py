# Subclasses of int, str and tuple behave as their base in operators and methods.
class I(int): pass
class S(str): pass
class T(tuple): pass
x = I(7); x.a = 1
print(x.__dict__, x + 1, x * 2, -x, abs(I(-3)), str(x), hash(x) == hash(7), x == 7, {x: 1}[7])
print(type(x + 1).__name__, type(-x).__name__, int.__add__(x, 3), x.__add__(1.5))
s = S('hello'); s.tag = 'x'
print(s.upper(), len(s), s[1], s + '!', s.tag, isinstance(s, str), s == 'hello', type(s[:2]).__name__)
t = T([1, 2])
print(t[0], len(t), t + (3,), list(t), t.count(1), t == (1, 2), 2 in t, type(t + t).__name__)
print(sorted([I(3), I(1), 2]), max(S('b'), 'a'), I(5) > 4, s * 2, divmod(I(7), 2))

import gc
a = [1, 'two', 3.0]
b = {'k': a}
t = (a, b)
r1 = gc.get_referents(a)
r2 = gc.get_referents(b)
r3 = gc.get_referents(t)
r4 = gc.get_referents(1, 'x')
print(r1, r2, [x is a or x is b for x in r3], r4)
refs = gc.get_referrers(a)
print(sorted(type(x).__name__ for x in refs if x is b or x is t))

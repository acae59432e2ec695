import sys
a = 'hello'
b = 'hel' + 'lo'
c = ''.join(['hel', 'lo'])
d = sys.intern(c)
e = 'hello world'
f = 'hello world'
g = 'hello' + ' world'
h = ' '.join(['hello', 'world'])
i = sys.intern(h)
print(a is b, a is c, a is d, e is f, e is g, e is h, i is h, i is e)

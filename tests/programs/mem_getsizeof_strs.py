import sys
vals = ['', 'a', 'ab', 'abc', 'a' * 10, 'a' * 100, '\x7f', '\xe9', '\xe9\xe9', 'a\xe9', '\u20ac', '\u20ac\u20ac', '\U0001f600', 'a\U0001f600', 'hello world', 'x' * 1000]
print([sys.getsizeof(v) for v in vals])
s = ''
sizes = []
for i in range(10):
    s = s + 'z'
    sizes.append(sys.getsizeof(s))
print(sizes)

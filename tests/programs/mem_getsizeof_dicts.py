import sys
out = []
d = {}
for i in range(25):
    out.append(sys.getsizeof(d))
    d['k%d' % i] = i
e = {}
for i in range(25):
    out.append(sys.getsizeof(e))
    e[i] = i
out.append(sys.getsizeof(dict()))
out.append(sys.getsizeof({'a': 1, 'b': 2}))
out.append(sys.getsizeof(dict(a=1, b=2, c=3)))
out.append(sys.getsizeof(dict.fromkeys('abcdefg')))
for k in list(d):
    del d[k]
out.append(sys.getsizeof(d))
d.clear()
out.append(sys.getsizeof(d))
print(out)

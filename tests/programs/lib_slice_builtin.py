import sys
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None, None, -1), sys.getsizeof(s))
data = list(range(20))
print(data[s], data[slice(3)], data[slice(-3, None)], "abcdef"[slice(None, None, -2)])
print(s.indices(5), slice(None).indices(3), slice(-1, None, -1).indices(4))

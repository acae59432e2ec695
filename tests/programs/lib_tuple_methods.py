import sys
t = (1, 2, 3, 2, 1, 2)
print(t.index(2), t.index(2, 2), t.index(1, 1, 5), t.count(2), t.count(9))
print(tuple(), tuple([1]), tuple("ab"), tuple(range(3)), tuple(x * 2 for x in range(4)))
u = (1, 2)
print(tuple(u) is u, tuple() is tuple([]), sys.getsizeof(tuple(range(25))))
try:
    t.index(9)
except ValueError as e:
    print(e)

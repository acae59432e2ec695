import sys
l = [1, 2, 3]
l.append(4)
l.extend([5, 6])
l.extend(range(7, 9))
l.insert(0, 0)
l.insert(-1, 99)
l.insert(100, 100)
print(l, l.pop(), l.pop(0), l.pop(-2), l.index(99), l.count(1))
l.remove(99)
print(l, l.index(5, 2), l.index(7, -3))
c = l.copy()
c.reverse()
print(c, c is l, c == l[::-1])
c.clear()
print(c, sys.getsizeof(c), len(l))
try:
    l.remove(1000)
except ValueError as e:
    print(e)
try:
    l.index("x")
except ValueError as e:
    print(e)
try:
    [].pop()
except IndexError as e:
    print(e)
try:
    l.pop(50)
except IndexError as e:
    print(e)

import sys
l = [1, 2, 3]
l.append(4)
l.extend([5, 6])
l.extend(range(7, 9))
l.insert(0, 0)
l.insert(-1, 99)
l.insert(100, 100)
print(l, l.index(99), l.count(1), l.count(99), l.count("x"))
print(l.pop(), l.pop(0), l.pop(-2), l)
try:
    print(l.index(99))
except ValueError as e:
    print(type(e).__name__, e)
l.insert(-100, 99)
print(l, l.index(99), l.index(99, -100, 100))
l.remove(99)
print(l, l.index(5, 2), l.index(7, -3))
try:
    print(l.index(5, 5))
except ValueError as e:
    print(type(e).__name__, e)
try:
    print(l.index(1, 1, 0))
except ValueError as e:
    print(type(e).__name__, e)
c = l.copy()
c.reverse()
print(c, c is l, c == l[::-1])
c.clear()
print(c, sys.getsizeof(c), len(l))
try:
    l.remove(1000)
except ValueError as e:
    print(type(e).__name__, e)
try:
    l.index("x")
except ValueError as e:
    print(type(e).__name__, e)
try:
    [].pop()
except IndexError as e:
    print(type(e).__name__, e)
try:
    l.pop(50)
except IndexError as e:
    print(type(e).__name__, e)
try:
    l.pop(-50)
except IndexError as e:
    print(type(e).__name__, e)
print(l, len(l))

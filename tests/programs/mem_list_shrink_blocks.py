# Popping from a list shrinks its buffer at half capacity; sizes along the way.
import sys

lst = list(range(100))
sizes = []
while lst:
    lst.pop()
    s = sys.getsizeof(lst)
    if not sizes or sizes[-1][1] != s:
        sizes.append((len(lst), s))
print(sizes)
l2 = [0] * 50
del l2[10:]
l3 = [0] * 50
l3[5:] = []
print(sys.getsizeof(l2), sys.getsizeof(l3))

# Names are references: two names, one list.
import sys

a = [1, 2, 3]
b = a
b.append(4)
print(a, a is b)
print("refcount of the list:", sys.getrefcount(a))
print("size of the list:", sys.getsizeof(a))
x = 256
y = 256
print("small ints are cached:", x is y)
del b
print("after del b:", sys.getrefcount(a))

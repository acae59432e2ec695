# int sizes at the 30-bit digit boundaries, positive and negative.
import sys

for k in range(0, 200, 15):
    n = 2 ** k
    print(k, sys.getsizeof(n), sys.getsizeof(n - 1), sys.getsizeof(-n), sys.getsizeof(n + 1))
print(sys.getsizeof(0), sys.getsizeof(False), sys.getsizeof(10 ** 50), sys.getsizeof(-(10 ** 50)))

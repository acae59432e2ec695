import math, sys
big = 10 ** 20
r = [math.floor(big) is big, math.ceil(big) is big, math.trunc(big) is big, math.gcd(big) is big]
f = math.floor(2.0)
g = math.floor(2.0)
small = [f is g, f is int(2)]
h = math.floor(1e10)
print(r, small, sys.getrefcount(h), sys.getsizeof(math.factorial(30)), type(math.pi))

import math
print(math.sqrt(16), math.sqrt(2), math.floor(2.7), math.ceil(2.1), math.trunc(-2.7), math.floor(-0.5), math.ceil(-0.5))
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(), math.gcd(4, 6, 8), math.lcm(4, 6), math.lcm(), math.lcm(3, 5, 7))
print(math.isqrt(17), math.isqrt(10 ** 30), math.factorial(20), math.comb(10, 3), math.perm(5), math.perm(5, 2))
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(type(math.floor(2.5)).__name__, type(math.sqrt(4)).__name__, math.floor(7), math.ceil(True))

import math
print(math.log(100, 10), math.log(math.e), math.log2(1024), math.log10(0.001), math.log1p(0), math.exp(2), math.expm1(0))
print(math.sin(math.pi / 2), math.cos(0), math.tan(0), math.asin(1), math.acos(1), math.atan(1), math.atan2(-1, -1))
print(math.sinh(1), math.cosh(0), math.tanh(0.5), math.hypot(3, 4), math.hypot(1, 2, 2), math.dist((1, 1), (4, 5)))
print(math.radians(90), math.degrees(math.pi / 4), math.erf(0.5), math.gamma(5), math.lgamma(10), math.pow(2, 0.5))

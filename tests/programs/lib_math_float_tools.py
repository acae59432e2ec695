import math
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]), math.prod([1, 2, 3, 4]), math.prod([]), math.prod([2.0, 3], start=2))
print(math.isclose(1.0, 1.0000000001), math.isclose(1.0, 1.1), math.isclose(1.0, 1.05, rel_tol=0.1), math.isclose(0, 1e-10, abs_tol=1e-9))
print(math.isfinite(1.0), math.isfinite(math.inf), math.isinf(-math.inf), math.isnan(float("nan")), math.isnan(1))
print(math.copysign(3, -0.0), math.fabs(-2), math.fmod(7, 3), math.fmod(-7, 3), math.modf(-2.5), math.frexp(8.0), math.ldexp(0.75, 4))
print(math.remainder(7, 3), math.nextafter(1.0, 2.0) > 1.0, math.ulp(1.0))

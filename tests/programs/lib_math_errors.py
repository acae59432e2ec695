import math
tests = [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.log(-1), lambda: math.factorial(-1),
         lambda: math.factorial(2.5), lambda: math.exp(1000), lambda: math.sqrt("x"), lambda: math.isqrt(-1),
         lambda: math.comb(-1, 2), lambda: math.acos(2), lambda: math.gcd(1.5), lambda: math.fmod(1, 0),
         lambda: math.dist((1,), (1, 2)), lambda: math.ldexp(1.0, 1.5), lambda: math.floor("x")]
for t in tests:
    try:
        print(t())
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)

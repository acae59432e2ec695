print(abs(-5), abs(3.5), abs(-0.0), abs(3 + 4j), abs(True), abs(-2 ** 70))
print(round(2.5), round(3.5), round(-2.5), round(0.125, 2), round(1234, -2), round(1250, -2), round(2.675, 2))
print(round(5), round(5, 2), round(1.5e300), round(7.0, 0), round(-0.5), round(15, -1), round(25, -1))
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), divmod(-7, -2), divmod(2 ** 65, 3))
print(pow(2, 10), pow(2, -1), pow(3, 4, 5), pow(2, 100, 97), pow(-2, 3), pow(2.0, 0.5), pow(4, 0.5))
print(pow(3, -1, 7))
for bad in (lambda: divmod(1, 0), lambda: abs("x"), lambda: round("x"), lambda: pow(2, 3, 0), lambda: divmod(1.0, 0.0)):
    try:
        bad()
    except (TypeError, ZeroDivisionError, ValueError) as e:
        print(type(e).__name__, e)

import sys
print(int(), int("42"), int(" -17 "), int("1_000"), int("ff", 16), int("0x1f", 0), int("0b101", 0), int("z", 36))
print(int(3.99), int(-3.99), int(True), int("  12\n"), int(b"77"), int("١٢"), int(1e20))
big = int("9" * 30)
print(big, sys.getsizeof(big), int(256) is int("256"), int("257") is int("257"))
x = 10 ** 15
print(int(x) is x)
for bad in ("abc", "1.5", "", "0x10"):
    try:
        int(bad)
    except ValueError as e:
        print(e)
for call in (lambda: int("12", 1), lambda: int(12, 10), lambda: int([1]), lambda: int(float("inf")), lambda: int(float("nan"))):
    try:
        call()
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)

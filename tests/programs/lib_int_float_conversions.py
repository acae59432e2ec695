vals = [int("42"), int("-0x1f", 16), int("0b101", 0), int("  7  "), int(3.99), int(-3.99),
        int("1_000"), float("1e3"), float("-inf"), float(" 2.5 "), float("nan") != float("nan"),
        int(True), float(7), int("z", 36), (255).bit_length(), (-1).bit_length(),
        (10).to_bytes(2, "big"), int.from_bytes(b"\x01\x00", "little"), (3.75).as_integer_ratio(),
        (0.5).is_integer(), (2.0).is_integer(), float.fromhex("0x1.8p1"), (1.5).hex(),
        hex(255), oct(8), bin(5), hex(-1), 7 // 2, -7 // 2, 7 % -3, -7 % 3, 2 ** -1, 10 / 4]
for v in vals:
    print(repr(v))
errors = []
for fn in (lambda: int("abc"), lambda: int("1.5"), lambda: float("x"), lambda: int(None),
           lambda: int("10", 1), lambda: 1 / 0, lambda: 1 % 0, lambda: 2.0 ** 10000,
           lambda: int(float("inf")), lambda: int(float("nan")), lambda: (-8) ** 0.5 + 1j * 0):
    try:
        errors.append(repr(fn()))
    except (ValueError, TypeError, ZeroDivisionError, OverflowError) as e:
        errors.append((type(e).__name__, str(e)))
for e in errors:
    print(e)

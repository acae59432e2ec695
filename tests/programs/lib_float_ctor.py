print(float(), float("1.5"), float(" -2.5e3 "), float("inf"), float("-Infinity"), float("nan"), float(7), float(True), float("1_0.5"))
x = 2.5
print(float(x) is x, float(2 ** 53 + 1), float("0x1p3".replace("0x1p3", "8")))
for bad in ("abc", "", "1,5"):
    try:
        float(bad)
    except ValueError as e:
        print(e)
for call in (lambda: float([1]), lambda: float(10 ** 400), lambda: float(None)):
    try:
        call()
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)

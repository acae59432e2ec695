x = 2.75
print(x.is_integer(), (3.0).is_integer(), x.as_integer_ratio(), (0.1).as_integer_ratio(), x.hex(), (1.0).hex())
print(float.fromhex("0x1.6p+1"), float.fromhex("-0x1p-2"), x.conjugate(), x.real, x.imag)
print(x.conjugate() is x, (-0.0).hex(), float("inf").is_integer())
for call in (lambda: float("inf").as_integer_ratio(), lambda: float("nan").as_integer_ratio(), lambda: float.fromhex("zz")):
    try:
        call()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)

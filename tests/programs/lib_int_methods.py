import sys
n = 1000
print(n.bit_length(), (0).bit_length(), (-255).bit_length(), (255).bit_count(), (-7).bit_count())
print(n.to_bytes(2, "big"), n.to_bytes(4, "little"), (-1).to_bytes(2, "big", signed=True), (0).to_bytes(1, "big"))
print(int.from_bytes(b"\x03\xe8", "big"), int.from_bytes(b"\xff\xff", "big", signed=True), int.from_bytes([1, 2], "little"))
print(n.as_integer_ratio(), (7).conjugate(), n.real, n.imag, n.numerator, n.denominator, True.real)
big = 2 ** 100
print(big.conjugate() is big, big.as_integer_ratio()[0] is big)
try:
    (300).to_bytes(1, "big")
except OverflowError as e:
    print(e)
try:
    (-1).to_bytes(1, "big")
except OverflowError as e:
    print(e)

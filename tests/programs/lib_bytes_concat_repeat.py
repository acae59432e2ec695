import sys
b = b"ab"
e = b""
r = [b + b"cd", b + e is b, e + b is b, b * 1 is b, b * 0, 3 * b, b + bytearray(b"x"), bytearray(b"x") + b,
     bytearray(b"xy") * 2, 2 * bytearray(b"z"), (b * 0) is (b * 0), e * 5 is e, (b + b"c") is (b + b"c")]
ba = bytearray(b"q")
ba += b"rs"
ba *= 2
r.append(ba)
ba *= 0
r.append(ba)
for fn in (lambda: b + "s", lambda: b + 1, lambda: bytearray() + "x", lambda: b * "x", lambda: b * 1.5):
    try:
        fn()
    except TypeError as err:
        r.append(str(err))
for x in r:
    print(x)

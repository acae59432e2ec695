cases = [("101", 2), ("777", 8), ("ff", 16), ("FF", 16), ("z", 36), ("0o17", 0), ("0X1F", 0), ("  42  ", 10), ("-0b11", 0), ("1_2_3", 10), ("0", 0)]
for s, b in cases:
    print(s.strip(), b, int(s, b))
for s, b in (("2", 2), ("0x", 16), ("09", 0), ("1__2", 10), ("12", 37)):
    try:
        int(s, b)
    except ValueError as e:
        print("ValueError", e)
print(int("-" + "9" * 25) + 1, int(b" 12 "), int(bytearray(b"7")))

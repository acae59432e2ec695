print(chr(65), chr(0x263A), chr(128512), ord("a"), ord("€"), ord(b"A"), ord(bytearray(b"z")))
print(bin(10), bin(-10), hex(255), hex(-1), oct(64), bin(0), hex(2 ** 70), oct(True))
c1 = chr(200)
c2 = chr(200)
c3 = chr(1000)
c4 = chr(1000)
print(c1 is c2, c3 is c4, c3 == c4)
for bad in (lambda: chr(-1), lambda: chr(0x110000), lambda: ord("ab"), lambda: ord(""), lambda: chr(1.5), lambda: hex(1.5), lambda: ord(5)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

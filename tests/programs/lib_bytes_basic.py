import sys
b = bytes([104, 105])
print(b, bytes(3), bytes("hé", "utf-8"), bytes(b"abc"), bytes(range(5)), bytes(), bytes((65,)))
print(b"hello".upper(), b"HeLLo".lower(), b"  x ".strip(), b"a,b,,c".split(b","), b"a b  c".split())
print(b"abc".find(b"c"), b"abc".find(99), b"abcabc".count(b"b"), b"abc".startswith(b"ab"), b"abc".endswith((b"x", b"c")))
print(b"-".join([b"a", b"b"]), b"abc".replace(b"b", b"XY"), b"abc".hex(), bytes.fromhex("de ad"), b"xyz".decode())
print(len(b"abc"), b"abc".index(b"c"), b"a.b".rsplit(b"."), b"x y".title(), b"ab".isupper())
print(b"key=val".partition(b"="), b"abc".center(7, b"*"), b"42".zfill(5) if hasattr(b"", "zfill") else "", b"abc".isalpha())
print(sys.getsizeof(b), sys.getsizeof(bytes(10)), sys.getsizeof(b""))
one = bytes([65])
print(one is bytes([65]), bytes(1) is bytes(1), b"A".lower() is bytes([97]), b"".upper() is bytes())
for call in (lambda: bytes("x"), lambda: bytes([256]), lambda: bytes(-1), lambda: b"a".decode("nope"), lambda: bytes(1.5)):
    try:
        call()
    except (TypeError, ValueError, LookupError) as e:
        print(type(e).__name__, e)

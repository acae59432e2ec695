import sys
b = b"".join([b"ab", b"cd"])
r = [b.strip() is b, b.replace(b"z", b"y") is b, b.split()[0] is b, b.split(b",")[0] is b, bytes(b) is b, b.lstrip(b"q") is b]
r2 = [b.upper() is b, b.partition(b"#")[0] is b]
print(r, r2, sys.getrefcount(b))

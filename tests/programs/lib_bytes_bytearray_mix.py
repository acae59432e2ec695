b = b"hello world"
out = [b.upper(), b.split(), b.replace(b"o", b"0"), b.find(b"o"), b[0], b[-1], b[1:4],
       b + b"!", b * 2, b"ab" < b"b", bytes(3), bytes([65, 66]), bytes("é", "utf-8"),
       b.hex(), bytes.fromhex("4142 43"), b.decode(), b"a,b".split(b","), list(b"ab"),
       b"x" in b, 111 in b, b.count(b"l"), b.startswith(b"he"), b.strip(b"hd"),
       b"%d-%s" % (5, b"x")]
ba = bytearray(b"abc")
ba.append(100)
ba.extend(b"ef")
ba[0] = 65
ba += b"!"
del ba[1]
out += [ba, len(ba), ba.pop(), ba, ba.find(b"d"), bytes(ba), ba.upper(), ba * 2]
ba.insert(0, 33)
ba.reverse()
out.append(ba)
for o in out:
    print(repr(o))
def set_big():
    ba[0] = 300
for fn in (lambda: b"a" + "b", lambda: bytes([256]), lambda: b"\xff".decode(),
           set_big, lambda: bytes("x")):
    try:
        fn()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

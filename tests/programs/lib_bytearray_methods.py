import sys
ba = bytearray(b"hello")
ba.append(33)
ba.extend(b" world")
ba.extend([65, 66])
ba.insert(0, 62)
print(bytes(ba), len(ba), ba.pop(), ba.pop(0), bytes(ba))
ba.remove(ord("o"))
ba.reverse()
print(bytes(ba), ba.find(b"l"), ba.count(b"l"), bytes(ba.upper()), ba.copy().hex() == ba.hex())
c = ba.copy()
c.clear()
print(len(c), sys.getsizeof(c), bytearray(b"abc").decode(), [bytes(x) for x in bytearray(b"a b").split()], bytearray(3).hex())
sizes = []
g = bytearray()
for i in range(20):
    g.append(i)
    sizes.append(sys.getsizeof(g))
print(sizes, sys.getsizeof(bytearray(b"abc")), sys.getsizeof(bytearray(10)))
for call in (lambda: ba.append(256), lambda: ba.remove(200), lambda: bytearray().pop(), lambda: ba.append("x")):
    try:
        call()
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__, e)

b = b"hello"
print(b[0])
print(b[-1])
print(b[1:4])
print(range(10)[2:8:2], range(5)[::-1])
print(b[::2], b[::-1], b[10:], b[:], b[:] is b, b[1:2] is b"e", b[-2:], b[4:0:-2])
ba = bytearray(b"hello world")
print(ba[0], ba[1:4], ba[::-3])
ba[0] = 72
ba[1:3] = b"EL"
ba[5:6] = []
del ba[0]
print(ba)
del ba[::2]
print(ba)
ba[::2] = b"xyz"[:len(ba[::2])]
print(ba)
def s1():
    ba[::2] = b"toolongvalue"
def s2():
    ba[0] = 256
def s3():
    ba[0:1] = 5
for bad in (s1, lambda: b[1.0], lambda: ba["x"], lambda: b[99], s2, s3):
    try:
        bad()
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)
r = range(3, 30, 4)
print(r[1:4], r[::-1], r[-2:], r[::2][1:], range(5)[10:], range(0)[::-1])

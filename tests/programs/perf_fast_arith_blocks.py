# The loop's int/float fast paths: results, small-int cache edges, one-digit and multi-digit
# sizes, float free-list reuse, mixed operands, errors falling back to the general path, and
# the blocks and refcounts they leave behind.
import sys

out = []
b0 = sys.getallocatedblocks()
vals = []
x = 250
for k in range(12):
    x = x + 1
    vals.append(x)
b1 = sys.getallocatedblocks()
out.append(("small-int edge", vals[:7], b1 - b0))

big = (1 << 29) + 7
sizes = [sys.getsizeof(big + 1), sys.getsizeof(big * 2), sys.getsizeof(big * big),
         sys.getsizeof(-big - big), sys.getsizeof((1 << 30) - 1 + 0), sys.getsizeof(big - big)]
out.append(("sizes", sizes))

r = []
for a, b in [(7, 2), (-7, 2), (7, -2), (2, 10), (2, -1), (1 << 40, 3), (5, 0.5), (0.1, 3)]:
    r.append((a + b, a - b, a * b, a / b, a // b, a % b))
out.append(("ops", r))
r = []
for a, b in [(6, 3), (-6, 2), (5, 1)]:
    r.append((a << b, a >> b, a & b, a | b, a ^ b, a ** b))
out.append(("bits", r))

errs = []
for a, b in [(1, 0), (1.0, 0), (1, -1), (2.0, 10000), (-8.0, 1 / 3)]:
    try:
        v = a / b if b == 0 else (a << b if b == -1 else a ** b)
        errs.append(type(v).__name__)
    except Exception as e:
        errs.append(f"{type(e).__name__}: {e}")
out.append(("errors", errs))

# float shells: a dead float's block is reused by the next result
f1 = 1.5
f2 = f1 * 2.0
a1 = id(f2)
del f2
f3 = f1 + 0.25
out.append(("float reuse", id(f3) == a1))

b2 = sys.getallocatedblocks()
acc = 0.0
for k in range(1000):
    acc = acc + k * 0.5
b3 = sys.getallocatedblocks()
out.append(("float loop", acc, b3 - b2))

b4 = sys.getallocatedblocks()
n = 0
i = 0
while i < 3000:
    n += i * 7919 % 1000003
    i += 1
b5 = sys.getallocatedblocks()
out.append(("int loop", n, b5 - b4))

rt, rf, rn = sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)
hits = 0
for k in range(200):
    if k < 100:
        hits += 1
    if k >= 150.5:
        hits += 2
    if "b" > "a" and k != 3:
        hits += 3
    if k == 5.0:
        hits += 100
    if k is None:
        hits += 1000
out.append(("branches", hits, sys.getrefcount(True) - rt, sys.getrefcount(False) - rf,
            sys.getrefcount(None) - rn))
nan = float("nan")
out.append(("nan", nan == nan, nan != nan, nan < 1, 1 <= nan, nan is nan))
for item in out:
    print(*item)

# Set tables grow by powers of two; removing never shrinks; clear() does.
import sys

s = set()
steps = []
for i in range(60):
    s.add(i)
    size = sys.getsizeof(s)
    if not steps or steps[-1][1] != size:
        steps.append((len(s), size))
print(steps)
for i in range(55):
    s.discard(i)
print(len(s), sys.getsizeof(s))
s.clear()
print(sys.getsizeof(s))
print(sys.getsizeof(set(range(10))), sys.getsizeof(frozenset(range(10))), sys.getsizeof({*range(10)}))

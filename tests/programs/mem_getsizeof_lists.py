import sys
out = []
l = []
for i in range(40):
    out.append(sys.getsizeof(l))
    l.append(i)
out.append(sys.getsizeof([0] * 1000))
out.append(sys.getsizeof(list(range(1000))))
out.append(sys.getsizeof([x for x in range(1000)]))
big = [None] * 100000
out.append(sys.getsizeof(big))
while len(l) > 3:
    l.pop()
    out.append(sys.getsizeof(l))
print(out)

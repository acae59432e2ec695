import sys
sizes = []
l = []
for i in range(30):
    l.append(i)
    sizes.append(sys.getsizeof(l))
e = []
e.extend(range(5))
s_ext = sys.getsizeof(e)
e2 = [0]
e2.extend([1])
s_ext2 = sys.getsizeof(e2)
pops = []
while l:
    l.pop()
    pops.append(sys.getsizeof(l))
ins = []
for i in range(10):
    ins.insert(0, i)
print(sizes)
print(s_ext, s_ext2, pops[::3], sys.getsizeof(ins))

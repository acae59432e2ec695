import sys
out = [sys.getsizeof(()), sys.getsizeof((1,)), sys.getsizeof((1, 2)), sys.getsizeof(tuple(range(10)))]
for n in range(0, 25):
    out.append(sys.getsizeof(tuple(range(n))))
a = 1
out.append(sys.getsizeof((a, a, a)))
print(out)

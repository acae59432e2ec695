import sys

a = []
for i in range(10):
    a.append(i)
b = [0] * 10
c = list(range(10))
d = [i for i in range(10)]
e = [1, 2, 3]
print(sys.getsizeof(a), sys.getsizeof(b), sys.getsizeof(c), sys.getsizeof(d), sys.getsizeof(e))
print(sys.getsizeof(()), sys.getsizeof((1,)), sys.getsizeof((1, 2, 3)))
print(sys.getsizeof({}), sys.getsizeof({"a": 1}), sys.getsizeof(dict(a=1, b=2)))
print(sys.getsizeof(set()), sys.getsizeof({1, 2, 3}))
print(sys.getsizeof(0), sys.getsizeof(1), sys.getsizeof(2**30), sys.getsizeof(2**60), sys.getsizeof(-1))
print(sys.getsizeof(1.5), sys.getsizeof(""), sys.getsizeof("abc"), sys.getsizeof("é"), sys.getsizeof("€uro"))
print(sys.getsizeof(True), sys.getsizeof(None))
print(sys.getsizeof(range(10)))
x = []
sizes = []
for i in range(20):
    sizes.append(sys.getsizeof(x))
    x.append(None)
print(sizes)

import sys
q, r = divmod(10 ** 20, 7)
t = divmod(17, 5)
print(q, r, t, sys.getsizeof(t), sys.getsizeof(q))
a = pow(10, 30)
b = pow(10, 30, 10 ** 9 + 7)
c = pow(2.5, 2)
print(a, b, c, sys.getsizeof(a), type(pow(2, -2)).__name__, pow(0, 0), pow(-8, 1 / 3).real > 0)
x = 10 ** 20
print(abs(x) is x, abs(-x) is x, round(x) is x, int(x) is x)

# Deeply nested tuples and dicts free without recursion limits; __del__ order at depth.
import gc


class T:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        order.append(self.n)


order = []
gc.collect()
t = None
for i in range(100000):
    t = (t,)
del t
d = {}
for i in range(100000):
    d = {"child": d}
del d
chain = None
for i in range(80):
    chain = (T(i), chain)
del chain
print(order[:5], order[45:55], order[-3:], len(order))

log = []
class T:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        log.append(self.n)
l = [T(1), T(2), T(3)]
del l
t = (T(4), T(5), T(6))
del t
d = {'a': T(7), 'b': T(8)}
del d
def f(a, b):
    c = T(11)
    x = T(12)
f(T(9), T(10))
x = T(13)
x = T(14)
del x
print(log)

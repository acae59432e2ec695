# __del__ timing: on the last reference, in list order, in frame-local order, in chains.
log = []
class T:
    def __init__(self, n): self.n = n
    def __del__(self): log.append(self.n)
def f(a, b):
    c = T(3)
    d = T(4)
f(T(1), T(2))
print(log); log.clear()
l = [T(1), T(2), T(3)]
del l
print(log); log.clear()
d = {'a': T(1), 'b': T(2)}
d.clear()
print(log); log.clear()
class Chain:
    def __init__(self, n, nxt): self.n, self.nxt = n, nxt
    def __del__(self): log.append(self.n)
c = Chain(1, Chain(2, Chain(3, None)))
del c
print(log); log.clear()
x = T('a')
x = T('b')
print(log)

# __contains__, __iter__ returning generators, __next__ iterators, StopIteration.
class Box:
    def __init__(self, *xs): self.xs = xs
    def __contains__(self, x):
        print('contains', x); return x in self.xs
    def __iter__(self):
        for x in self.xs:
            yield x * 2
b = Box(1, 2, 3)
print(2 in b, 5 not in b, list(b), sum(b), max(b))
class Count:
    def __init__(self, n): self.i, self.n = 0, n
    def __iter__(self): return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i
print(list(Count(4)), [x for x in Count(2)], dict.fromkeys(Count(3)))
c = Count(2)
print(next(c), next(c), next(c, 'done'))
class BadIter:
    def __iter__(self): return 5
try:
    iter(BadIter())
except TypeError as e:
    print(e)
class NotIt: pass
try:
    for x in NotIt(): pass
except TypeError as e:
    print(e)

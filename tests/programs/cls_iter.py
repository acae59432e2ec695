class Count:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i
print(list(Count(4)))
for x in Count(2):
    print(x)
it = iter(Count(3))
print(next(it), next(it), next(it), next(it, 'done'))
class Bad:
    def __iter__(self):
        return 5
try:
    iter(Bad())
except TypeError as e:
    print(e)

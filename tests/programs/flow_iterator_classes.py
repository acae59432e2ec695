class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1

class Reusable:
    def __init__(self, data):
        self.data = data
    def __iter__(self):
        return iter(self.data)

class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * i

print(list(Countdown(3)), list(Countdown(0)))
r = Reusable("ab")
print(list(r), list(r), [c for c in r])
print(list(Seq()), 4 in Seq(), 5 in Seq())
a, b, *c = Countdown(5)
print(a, b, c)
it = iter(Countdown(2))
print(next(it), next(it), next(it, "done"))
print(sum(Countdown(4)), max(Countdown(4)), sorted(Countdown(3)))
print(dict(zip(Countdown(3), "xyz")), list(enumerate(Seq(), 1)))

class BadIter:
    def __iter__(self):
        return 5
try:
    iter(BadIter())
except TypeError as e:
    print(e)
try:
    for x in 3:
        pass
except TypeError as e:
    print(e)

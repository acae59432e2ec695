import sys
print(list(reversed(range(5))), list(reversed(range(1, 10, 3))), list(reversed(range(0))), list(reversed(range(10, 0, -2))))
print(list(reversed((1, 2, 3))), "".join(reversed("abc")), list(reversed([1, 2])))
r = reversed((1, 2))
print(type(r).__name__, sys.getsizeof(r), type(reversed(range(3))).__name__, type(reversed([])).__name__)
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return i * 10
print(list(reversed(Seq())))
try:
    reversed(5)
except TypeError as e:
    print(e)

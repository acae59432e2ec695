# Operators, len/iter/repr/str/hash/== on instances of user classes named like builtins.

class list:
    def __init__(self, *items):
        self.items = items

    def __len__(self):
        return len(self.items)

    def __iter__(self):
        return iter(self.items)

    def __getitem__(self, i):
        return self.items[i]

    def __add__(self, other):
        return list(*(self.items + other.items))

    def __repr__(self):
        return "list" + repr(self.items)


class tuple:
    pass


class float:
    def __eq__(self, other):
        return isinstance(other, float)

    __hash__ = None


class set:
    def __hash__(self):
        return 42

    def __contains__(self, x):
        return x == 3


class range:
    def __str__(self):
        return "my range"


x = list(1, 2, 3)
print(len(x), [v * 2 for v in x], x[1], x + list(4), repr(x), str(x))
t = tuple()
for op in (lambda: len(t), lambda: iter(t), lambda: t[0], lambda: t + t, lambda: t < t,
           lambda: -t, lambda: hash(t) == hash(t), lambda: t == t, lambda: t != tuple()):
    try:
        print(op())
    except TypeError as e:
        print("TypeError:", e)
print(repr(t).startswith("<__main__.tuple object at"), str(t) == repr(t))
f = float()
print(f == float(), f == 1.5, f != float())
try:
    hash(f)
except TypeError as e:
    print("TypeError:", e)
s = set()
print(hash(s), 3 in s, 4 in s)
r = range()
print(str(r), repr(r).startswith("<__main__.range"), f"{r}", "%s" % r)
try:
    len(r)
except TypeError as e:
    print("TypeError:", e)
try:
    r()
except TypeError as e:
    print("TypeError:", e)
try:
    r + 1
except TypeError as e:
    print("TypeError:", e)
try:
    r[0]
except TypeError as e:
    print("TypeError:", e)
try:
    for _ in r:
        pass
except TypeError as e:
    print("TypeError:", e)
print(bool(r), bool(tuple()))

a = "hello"
print(hash(1), hash(-1), hash(2 ** 61), hash(1.0), hash(1.5), hash(True), hash(()), hash((1, 2)), hash(None) == hash(None))
print(hash(a) == hash("hel" + "lo"), hash(frozenset()), hash(0.0) == hash(-0.0), hash(10 ** 30))
x = [1]
print(id(x) == id(x), id(x) % 8, isinstance(id(x), int), hash(a) == hash(a))
for bad in ([1], {1: 2}, {3}):
    try:
        hash(bad)
    except TypeError as e:
        print(e)

import sys
g = (x * x for x in range(5))
print(type(g).__name__, sys.getsizeof(g))
print(next(g), next(g), list(g), list(g))
print(sum(x for x in range(100) if x % 3 == 0))
print(max((len(w), w) for w in "the quick brown fox".split()))
nested = [list(y for y in range(x)) for x in range(4)]
print(nested)
def squares(n):
    return (i * i for i in range(n))
print(sorted(squares(6), reverse=True))
print(any(x > 3 for x in [1, 2, 5]), all(x > 0 for x in []))

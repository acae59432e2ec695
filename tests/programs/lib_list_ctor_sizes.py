import sys
g = sys.getsizeof
def gen(n):
    for i in range(n):
        yield i
r = [g(list(range(n))) for n in range(6)]
r2 = [g(list(gen(n))) for n in (0, 1, 8, 9, 17)]
r3 = [g(list("abcde")), g(list((1, 2, 3))), g(list({1: 2, 3: 4})), g(list({1, 2, 3}))]
r4 = [g(list(map(abs, range(10)))), g(list(filter(None, range(10)))), g(list(zip("ab", "cd")))]
r5 = [g(tuple(range(n))) for n in range(5)]
print(r, r2, r3, r4, r5)

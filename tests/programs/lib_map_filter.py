import sys
print(list(map(abs, [-1, 2, -3])), list(map(pow, [2, 3], [3, 2])), list(map(str.upper, "ab")))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])), list(filter(lambda x: x % 2, range(7))))
m = map(len, ["a", "bb"])
f = filter(None, [])
print(sys.getsizeof(m), sys.getsizeof(f), next(m), next(m), next(m, "done"))
print(list(map(lambda a, b, c: a + b + c, [1, 2], [10, 20, 30], [100, 200])))
try:
    map(len)
except TypeError as e:
    print(e)

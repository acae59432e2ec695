import sys
data = [5, 3, 8, 1, 9, 2, 7]
s1 = sorted(data)
data.sort(reverse=True)
words = ["banana", "Apple", "cherry", "apple", "Banana"]
s2 = sorted(words, key=str.lower)
s3 = sorted(words, key=len, reverse=True)
pairs = [(1, "b"), (0, "z"), (1, "a"), (0, "a")]
s4 = sorted(pairs)
s5 = sorted(pairs, key=lambda p: p[1])
sizes = [sys.getsizeof(sorted(range(n))) for n in range(8)]
print(s1, data, s2, s3, s4, s5, sizes)
print(sorted("hello"), sorted({3: "a", 1: "b"}), sorted([]), sorted([2.5, 1, 3 // 2]))
try:
    sorted([1, "a"])
except TypeError as e:
    print(e)
try:
    [].sort(1)
except TypeError as e:
    print(e)

records = [("bob", 3), ("amy", 1), ("cat", 3), ("dan", 2), ("eve", 1)]
by_score = sorted(records, key=lambda r: r[1])
print(by_score)
print(sorted(records, key=lambda r: r[1], reverse=True))
lst = list(records)
lst.sort(key=lambda r: r[0], reverse=True)
print(lst)
nums = [5, -2, 9, 0, -7, 3]
nums.sort(key=abs)
print(nums, sorted(nums), sorted(nums, reverse=True))
print(sorted("Banana apple Cherry".split()), sorted("Banana apple Cherry".split(), key=str.lower))
try:
    sorted([1, "a", 2])
except TypeError as e:
    print(e)
try:
    [3, 1].sort(1)
except TypeError as e:
    print(e)
words = ["bb", "a", "ccc", "dd"]
words.sort(key=len)
print(words, min(words, key=len), max(words, key=len))
print(sorted([[2, 1], [1, 2], [1, 1]]), sorted([(1, "b"), (1, "a")]))

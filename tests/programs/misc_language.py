counter = 0


def bump():
    global counter
    counter += 1


for _ in range(3):
    bump()
print(counter)
x = 5
print(1 < x < 10, 1 < x > 10, "yes" if x else "no", not x, x and 0, x or 0)
print(2 ** 100, -7 // 2, 7 % -3, 10 / 4, 1 << 70, 0xFF & 0x0F, 6 ^ 3, ~5)
print(3.0 * 2, 0.1 + 0.2, 1e20 * 10, float("inf"), -0.0, 7.0 // 2, 2 ** -1)
print(*[1, 2, 3], sep="|", end="!\n")
pairs = [(1, "b"), (2, "a"), (3, "c")]
for n, (a) in pairs:
    pass
print(sorted(pairs, key=lambda p: p[1]))
print({**{"a": 1}, "b": 2, **{"a": 3}})
print([*range(3), *"ab"], (*[1], 2))
i = 0
while i < 3:
    i += 1
else:
    print("while-else", i)
big = 12345678901234567890
print(big * big, big // 7, big % 1000, -big, abs(-big), hash(big) == hash(big))
print(int("ff", 16), int(3.9), int(True), float("1.5"), bool([]), bool([0]), str(True))
print(divmod(-7, 2), pow(2, 10), pow(2, 10, 1000), round(2.5), round(3.5), round(1.25, 1))
print(len({}), len(()), len(range(0, 10, 3)), list(range(5, 0, -2)))
words = "the quick brown fox".split()
print(max(words, key=len), sorted(words), [w[::-1] for w in words if len(w) > 3])
d = dict(zip("abc", range(3)))
print(d, list(enumerate(d)), {v: k for k, v in d.items()})
matrix = [[1, 2], [3, 4]]
print([row[i] for i in range(2) for row in matrix])
nums = [5, 2, 9, 1]
nums.sort(key=lambda n: -n)
print(nums, nums.index(9), nums.count(2), sum(nums), sum([0.5, 0.25]), sum([[1], [2]], []))
print(min("bca"), max((1, 2), (1, 3)), all([]), any([]))
print(isinstance([], list), issubclass(bool, int), type(None).__name__, type([]) is list)
t = 1, 2
a, b = b, a = t
print(a, b)
s = "x"
s += "y"
s *= 2
print(s)
lst = [1]
lst += [2]
lst *= 2
print(lst)
print("%5.2f|%-4d|%s|%r" % (3.14159, 42, "s", "r"))
print("{:>6}|{:<4}|{:^7}|{:08.3f}|{:,}".format("a", "b", "c", 3.5, 1234567))
print(f"{3.14159:.3}", f"{255:#x}", f"{'q'!r}", f"{[1, 2]}", f"{None}")

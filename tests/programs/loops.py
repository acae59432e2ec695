total = 0
i = 0
while True:
    i += 1
    if i % 2 == 0:
        continue
    if i > 15:
        break
    total += i
print(total)
for i, ch in enumerate("abc", 1):
    print(i, ch)
for a, b in zip([1, 2, 3], "xyz"):
    print(a, b, end=" ")
print()
d = {"a": 1, "b": 2}
for k, v in d.items():
    print(k, v)
print(list(d.keys()), list(d.values()))
for x in reversed([1, 2, 3]):
    print(x, end=",")
print()
print(any(x > 2 for x in [1]) if False else "no genexp")
n = 0
for i in range(3):
    for j in range(3):
        if j == 2:
            break
        n += 1
else:
    print("done", n)

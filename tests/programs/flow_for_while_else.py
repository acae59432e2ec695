def find(items, target):
    for i, v in enumerate(items):
        if v == target:
            break
    else:
        return "not found"
    return f"found at {i}"

print(find([3, 4, 5], 4), find([], 1), find([1], 2))

n = 0
while n < 3:
    n += 1
else:
    print("while finished", n)

n = 0
while True:
    n += 1
    if n > 4:
        break
print("broke at", n)

out = []
for i in range(4):
    for j in range(4):
        if j > i:
            break
        if (i + j) % 2:
            continue
        out.append((i, j))
print(out)

def early():
    for x in range(10):
        try:
            if x == 2:
                return x
        finally:
            out.append(("finally", x))
print(early(), out[-3:])

it = iter(range(3))
for a in it:
    for b in it:
        out.append((a, b))
print(out[-2:])

# x += 1 makes a new int and rebinds x; the old one is freed.
x = 1000
x += 1
x += 1
print(x)

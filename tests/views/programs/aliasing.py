# Two names, one list.
a = [1, 2, 3]
b = a
b.append(4)
del b
print(a)

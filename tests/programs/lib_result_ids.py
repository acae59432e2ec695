import gc
gc.collect()
a = sorted([3, 2, 1])
ida = id(a)
del a
b = [9, 8]
same1 = id(b) == ida
x = " ".join(["aa", "bb"])
idx = id(x)
del x
y = "-".join(["cc", "dd"])
same2 = id(y) == idx
f = sum([0.5, 0.25])
idf = id(f)
del f
g = sum([1.5, 0.25])
same3 = id(g) == idf
print(same1, same2, same3)

# Small ints are cached: two names, one shared box.
x = 10
y = 10
print(x is y)

# A function's locals are freed when it returns.
def f(n):
    items = [n, n + 1]
    pair = (items, "pair")
    return len(pair[0])


print(f(500))
print("done")

def check(x):
    out = []
    if x is 1000:
        out.append("is-literal")
    if x is not "text":
        out.append("is-not-literal")
    return out

def never_called():
    return [1, 2](3)

print(check(1000), check("x"))
y = 5
assert (y, "always true")
print("done")

def check(values):
    total = 0
    for v in values:
        assert v >= 0, f"negative value {v}"
        total += v
    return total

print(check([1, 2]))
try:
    check([1, -1])
except AssertionError as e:
    print("caught", e.args)
try:
    assert False
except AssertionError as e:
    print("bare", e.args, repr(e))
check([5, -3, 2])

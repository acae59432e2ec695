vals = iter([1, 2, 3, 0, 5])
print(list(iter(lambda: next(vals), 0)))
print(list(zip([1, 2], [3, 4], strict=True)))
for a, b in ((["a"], []), ([], ["b"]), ([1, 2], [1, 2, 3])):
    try:
        print(list(zip(a, b, strict=True)))
    except ValueError as e:
        print(e)
try:
    print(list(zip([1], [2], [], strict=True)))
except ValueError as e:
    print(e)
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3), slice(None) == slice(None, None, None))

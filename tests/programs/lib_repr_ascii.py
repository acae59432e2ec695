items = [1, -2.5, 1e100, 1e-7, float("inf"), float("nan"), "it's", 'say "hi"', "tab\there", "é€😀", b"\x00ab", None, True, (1,), [], {}, set(), frozenset(), 2 + 0j, -1j]
for x in items:
    print(repr(x), ascii(x), str(x))
print(repr("a\\b"), ascii("naïve"), repr(range(3)), repr(slice(1, 2)))

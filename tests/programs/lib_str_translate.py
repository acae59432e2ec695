table = str.maketrans("abc", "xyz")
print(sorted(table.items()), "aabbcc".translate(table))
t2 = str.maketrans("ab", "cd", "e")
print("abeeab".translate(t2), "hello".translate({ord("l"): None, ord("h"): "J"}))
t3 = str.maketrans({"a": "1", "b": None})
print(sorted(t3.items()), "abc".translate(t3))
try:
    str.maketrans("ab", "c")
except ValueError as e:
    print(e)

import sys
print("a", "b", "c", sep="-")
print("no newline", end="")
print(" <- joined")
print(1, 2.5, None, True, [1, "x"], (2,), {"k": 3}, sep=" | ", end=" END\n")
print()
print(sep="x")
print("to stdout", file=sys.stdout, flush=True)
print("x", "y", sep=None, end=None)
print(*range(5))
print(*"abc", sep="")
try:
    print("a", sep=1)
except TypeError as e:
    print(e)
try:
    print("a", foo=1)
except TypeError as e:
    print(e)

import sys
print(str(), str(12), str(-1.5), str(None), str([1, "a"]), str(b"ab"), str(b"h\xc3\xa9", "utf-8"), str(b"ab", encoding="ascii"))
print(str(bytearray(b"xy"), "ascii"), str(b"\xff", "utf-8", "replace"), str(b"\xff", errors="ignore"))
s = "".join(["a", "b"])
print(str(s) is s, str(5) == "5", sys.getrefcount(str(5)))
try:
    str("x", "utf-8")
except TypeError as e:
    print(e)
try:
    str(5, "utf-8")
except TypeError as e:
    print(e)

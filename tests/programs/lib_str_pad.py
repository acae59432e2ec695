s = "".join(["ab", "c"])
print(repr(s.center(9, "*")), repr(s.ljust(6)), repr(s.rjust(6, "0")), repr(s.zfill(6)))
print(s.center(2) is s, s.ljust(3) is s, s.rjust(1) is s, s.zfill(3) is s)
print("-42".zfill(6), "+7".zfill(4), "".zfill(3), "abc".center(6, "."))
try:
    s.center(10, "ab")
except TypeError as e:
    print(e)

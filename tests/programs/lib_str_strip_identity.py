s = "".join(["ab", "cd"])
print(s.strip() is s, s.lstrip("x") is s, s.rstrip("z") is s)
t = "  ab  "
u = t.strip()
print(repr(u), u is t, t.lstrip(), "|" + t.rstrip() + "|")
print("xxhixx".strip("x"), "--a--".lstrip("-"), "..b..".rstrip("."))
one = " q ".strip()
print(one is chr(113))
print("abc".strip("cba") == "", repr("".strip()))

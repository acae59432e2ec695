s = "a\tb\tc"
print(s.expandtabs(), s.expandtabs(4), "x".expandtabs() == "x")
print("prefix_name".removeprefix("prefix_"), "file.py".removesuffix(".py"), "abc".removeprefix("z"))
print("line1\nline2\r\nline3\r".splitlines(), "a\nb\n".splitlines(True))
print("Mississippi".count("ss"), "abc" * 3, "-" * 10)
s2 = "".join(["x", "yz"])
print(s2.removeprefix("q") is s2, s2.expandtabs() is s2)

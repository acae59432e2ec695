s = "  Hello, World! hello  "
out = [s.strip(), s.lstrip(), s.rstrip(" "), s.lower(), s.upper(), s.title(), s.swapcase(),
       s.count("l"), s.find("o"), s.rfind("o"), s.index("W"), s.replace("l", "L", 2),
       s.split(), s.split(",", 1), s.rsplit(None, 1), s.partition(","), s.rpartition("l"),
       "-".join(["a", "b", "c"]), s.strip().startswith(("He", "x")), s.endswith("  "),
       "abc".center(9, "*"), "abc".ljust(5) + "|", "abc".rjust(5, "0"), "42".zfill(5),
       "a,b,,c".split(","), "line1\nline2\r\nline3".splitlines(), "x".join("abc"),
       "hello world".capitalize(), "Straße".casefold(), "abc".isalpha(), "12".isdigit(),
       "  ".isspace(), "Ab".isupper(), "ab_1".isidentifier(), "tab\there".expandtabs(4),
       "%-5s|" % "ab", "{0}{1}{0}".format("a", "b"), "{name}!".format(name="x"),
       "abc"[::-1], "abcdef"[1:5:2], "prefix_body".removeprefix("prefix_"),
       "body.txt".removesuffix(".txt"), str.maketrans("ab", "xy"), "aabb".translate({97: "z"})]
for o in out:
    print(repr(o))
try:
    "abc".index("z")
except ValueError as e:
    print(e)
try:
    "a" + 1
except TypeError as e:
    print(e)

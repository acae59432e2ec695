s = "filename.tar.gz"
print(s.startswith("file"), s.endswith(".gz"), s.endswith((".zip", ".gz")), s.startswith(("a", "b")))
print(s.startswith("name", 4), s.endswith("tar", 0, 12), s.startswith(""))
try:
    s.startswith(["file"])
except TypeError as e:
    print(e)
try:
    s.endswith((".gz", 1))
except TypeError as e:
    print(e)

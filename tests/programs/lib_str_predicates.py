tests = ["abc", "ABC", "123", "12.5", "", " \t\n", "Abc Def", "abc123", "_id", "2x", "½", "٣", "x y"]
for t in tests:
    print(repr(t), t.isalpha(), t.isdigit(), t.isalnum(), t.isspace(), t.isupper(), t.islower(),
          t.istitle(), t.isidentifier(), t.isnumeric(), t.isdecimal(), t.isascii(), t.isprintable())

s = "the quick brown fox jumps over the lazy dog"
print(s.find("the"), s.find("the", 1), s.rfind("the"), s.find("cat"), s.rfind("o", 0, 20))
print(s.index("fox"), s.rindex("o"), s.count("o"), s.count("o", 20), s.count(""))
print(s.find("o", -5), s.find("", 100), s.count("the", 0, 10))
try:
    s.index("cat")
except ValueError as e:
    print("ValueError:", e)
try:
    s.rindex("zz")
except ValueError as e:
    print("ValueError:", e)
try:
    s.find(1)
except TypeError as e:
    print("TypeError:", e)

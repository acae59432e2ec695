import sys
words = ["hello world", "PyThOn", "ß straße", "ǅ title", "ﬁ ligature", "123abc"]
for w in words:
    print(w.upper(), w.lower(), w.title(), w.capitalize(), w.swapcase(), w.casefold())
c = "a".upper()
print(c, c is chr(65), sys.getrefcount(c) < 100)
print("".upper() == "", "Hello".istitle(), "HELLO".isupper(), "hello".islower())

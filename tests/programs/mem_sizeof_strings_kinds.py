# str sizes by kind (ASCII, latin-1, UCS-2, UCS-4) and by length.
import sys

samples = ["", "a", "ab", "a" * 10, "a" * 100, "\x7f", "\x80", "é" * 3, "ÿ",
           "\u0100", "€" * 5, "a€", "\uffff", "\U0001f600", "a\U0001f600" * 2,
           "hello world", str(12345), "x" * 1000, chr(255) * 8, chr(256) * 8]
for s in samples:
    print(len(s), sys.getsizeof(s))
joined = "".join(["ab", "cd"])
print(sys.getsizeof(joined), sys.getsizeof(joined * 3), sys.getsizeof(joined.upper()))

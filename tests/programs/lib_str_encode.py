import sys
s = "héllo wörld"
b = s.encode()
print(b, len(b), s.encode("latin-1"), s.encode("ascii", "replace"), s.encode("ascii", "ignore"))
print(b.decode(), b.decode("utf-8") == s, sys.getsizeof(b))
try:
    s.encode("nope")
except LookupError as e:
    print(e)
print(b.decode("latin-1"), "ab".encode("utf-16-le"), "€".encode("utf-8").hex())

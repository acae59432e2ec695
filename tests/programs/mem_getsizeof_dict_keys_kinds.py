# Dict sizes: str keys (compact entries) versus other keys, presized literals, fromkeys.
import sys

str_keys = {}
int_keys = {}
mixed = {}
rows = []
for i in range(12):
    str_keys["k%d" % i] = i
    int_keys[i] = i
    mixed["k%d" % i if i % 2 else i] = i
    rows.append((i + 1, sys.getsizeof(str_keys), sys.getsizeof(int_keys), sys.getsizeof(mixed)))
for r in rows:
    print(r)
print(sys.getsizeof({"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6}))
print(sys.getsizeof(dict.fromkeys("abcdefgh")), sys.getsizeof(dict.fromkeys(range(8))))
print(sys.getsizeof(dict(a=1)), sys.getsizeof(dict(zip("abc", range(3)))))

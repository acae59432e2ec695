def kind(v):
    match v:
        case bool(b):
            return f"bool {b}"
        case int(0):
            return "zero"
        case int(n) if n > 100:
            return "big int"
        case int():
            return "int"
        case float(f):
            return f"float {f}"
        case complex():
            return f"complex {v}"
        case str("") :
            return "empty str"
        case str(s):
            return f"str {s!r}"
        case list([]) | tuple(()):
            return "empty sequence"
        case list([x, *_]):
            return f"list starting {x}"
        case tuple((a, b)):
            return f"pair {a} {b}"
        case dict({}) if not v:
            return "empty dict"
        case dict():
            return f"dict of {len(v)}"
        case set() | frozenset():
            return "set-like"
        case None:
            return "None"
        case type():
            return f"class {v.__name__}"
        case _:
            return "object"

for v in (True, 0, 1000, 5, 2.5, 1j, "", "hi", [], (), [7, 8], (1, 2), (1, 2, 3), {}, {"a": 1},
          {1}, frozenset(), None, int, object()):
    print(kind(v))

try:
    match 5:
        case int(1, 2):
            pass
except TypeError as e:
    print(e)

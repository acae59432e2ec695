def classify(v):
    match v:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case "hello":
            return "greeting"
        case None:
            return "none"
        case True:
            return "true"
        case -1.5:
            return "neg float"
        case int(n) if n > 100:
            return "big int %d" % n
        case int() | float():
            return "number"
        case str(s):
            return "str " + s
        case _:
            return "other"

for v in [0, 2, "hello", None, True, -1.5, 1000, 50, 2.5, "x", [1], b"b"]:
    print(repr(v), classify(v))

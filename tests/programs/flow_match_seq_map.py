def m(v):
    match v:
        case []:
            return "empty"
        case [x]:
            return f"one {x}"
        case [1, *rest]:
            return f"starts with 1, rest {rest}"
        case (a, b):
            return f"pair {a} {b}"
        case [a, [b, c], *_]:
            return f"nested {a} {b} {c}"
        case {"type": "point", "x": x, "y": y}:
            return f"point {x},{y}"
        case {"type": t, **others}:
            return f"typed {t} {sorted(others)}"
        case {}:
            return "some mapping"
        case str():
            return "stringish"
        case _:
            return "nothing"

for v in [[], [5], [1, 2, 3], (7, 8), [0, [1, 2], 3, 4], {"type": "point", "x": 1, "y": 2},
          {"type": "circle", "r": 3, "c": 0}, {"a": 1}, "ab", range(2), 42, (1,)]:
    print(m(v))
match {"k": 1, "j": 2}:
    case {"k": 1, "j": v} if v > 5:
        print("no")
    case {"k": k}:
        print("k", k)

import math

class Color:
    RED = "red"
    GREEN = "green"

def classify(cmd):
    match cmd:
        case ["go", ("north" | "south") as direction]:
            return f"go {direction}"
        case ["take", *items] if items:
            return f"take {len(items)}: {items}"
        case ["drop", _, *_]:
            return "drop something"
        case [*start, "end"]:
            return f"ends, start={start}"
        case (a, b, c):
            return f"triple {a}{b}{c}"
        case {"x": int(x), "y": int(y)} if x == y:
            return f"diagonal {x}"
        case {"x": x, **rest} if not rest:
            return f"only x {x}"
        case {"x": _, **rest}:
            return f"x plus {sorted(rest)}"
        case Color.RED:
            return "red constant"
        case math.pi:
            return "pi"
        case str(s) if s.startswith("c"):
            return "c-word"
        case bytes() | bytearray():
            return "binary"
        case [[1, 2], [3, (4 | 5) as inner]]:
            return f"nested {inner}"
        case _:
            return "unknown"

cases = [["go", "north"], ["go", "east"], ["take", "a", "b"], ["take"], ["drop", 1, 2],
         ["a", "b", "end"], ("p", "q", "r"), "xyz", {"x": 2, "y": 2}, {"x": 1},
         {"x": 1, "z": 0, "w": 2}, "red", math.pi, "cat", b"raw", bytearray(b"r"),
         [[1, 2], [3, 5]], [[1, 2], [3, 6]], {"y": 1}, "abc"]
for c in cases:
    print(repr(c)[:30], "->", classify(c))

def parse(s):
    return int(s)
def load(items):
    out = []
    for s in items:
        try:
            out.append(parse(s))
        except ValueError as e:
            raise LookupError(f"bad item {s!r}") from e
    return out
print(load(["1", "2"]))
load(["3", "x"])

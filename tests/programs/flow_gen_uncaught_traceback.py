def parse(lines):
    for n, line in enumerate(lines):
        if not line:
            raise ValueError(f"empty line {n}")
        yield line.upper()

def consume(it):
    out = []
    for x in it:
        out.append(x)
    return out

print(consume(parse(["a", "b"])))
result = consume(parse(["x", "", "z"]))

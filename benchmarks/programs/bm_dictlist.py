# Dict and list building: appends, comprehensions, dict updates and lookups,
# sorting, slicing, and containers that grow and shrink.
def word_counts(n):
    counts = {}
    for i in range(n):
        key = i * 7919 % 1000
        counts[key] = counts.get(key, 0) + 1
    return len(counts), max(counts.values())


def build_tables(n):
    rows = []
    for i in range(n):
        rows.append({"id": i, "name": i % 37, "tags": [i, i + 1, i + 2]})
    index = {row["id"]: row for row in rows}
    by_name = {}
    for row in rows:
        by_name.setdefault(row["name"], []).append(row["id"])
    return len(index), len(by_name), sum(len(v) for v in by_name.values())


def list_ops(n):
    data = [(i * 104729) % 10007 for i in range(n)]
    data.sort()
    evens = [x for x in data if x % 2 == 0]
    pairs = list(zip(data[::2], data[1::2]))
    stack = []
    for x in data:
        stack.append(x)
        if len(stack) > 50:
            del stack[:25]
    squares = {x: x * x for x in range(0, n, 3)}
    return len(evens), len(pairs), len(stack), sum(squares.values()) % 1000


print(word_counts(80000), build_tables(20000), list_ops(80000))

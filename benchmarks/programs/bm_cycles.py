# Cycle garbage: lists and dicts that reference each other become unreachable
# and are found by automatic collections and by explicit gc.collect() calls.
import gc


def make_ring(n):
    first = [0]
    prev = first
    for i in range(1, n):
        cur = [i, prev]
        prev = cur
    first.append(prev)
    return first


def make_graph(n):
    nodes = [{"id": i, "edges": []} for i in range(n)]
    for i, node in enumerate(nodes):
        node["edges"].append(nodes[(i + 1) % n])
        node["edges"].append(nodes[(i * 7) % n])
        node["self"] = node
    return nodes


gc.collect()
found = []
for rnd in range(100):
    r = make_ring(300)
    g = make_graph(150)
    pair = [[], {}]
    pair[0].append(pair[1])
    pair[1]["back"] = pair[0]
    del r, g, pair
    if rnd % 5 == 4:
        found.append(gc.collect())
for rnd in range(4000):
    a = []
    b = [a]
    a.append(b)
    d = {"a": a}
    a.append(d)
final = gc.collect()
print(found, final)

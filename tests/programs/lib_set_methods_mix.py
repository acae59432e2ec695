a = {1, 2, 3, 4}
b = {3, 4, 5}
out = [a | b, a & b, a - b, a ^ b, a.union([9]), a.intersection(b, {4}), a.difference([1], [2])]
out.append((a.issubset({1, 2, 3, 4, 5}), a.issuperset({1}), a.isdisjoint({8})))
c = set(a)
c.update("x", [7])
c.discard(100)
c.remove(1)
out.append(sorted(c, key=str))
c.intersection_update({2, 3, "x"})
out.append(sorted(c, key=str))
c.symmetric_difference_update({3, 10})
out.append(sorted(c, key=str))
fs = frozenset([1, 2])
out.append((fs | {3}, type(fs | {3}).__name__, type({3} | fs).__name__, hash(fs) == hash(frozenset([2, 1]))))
try:
    c.remove(999)
except KeyError as e:
    out.append(repr(e))
try:
    set().pop()
except KeyError as e:
    out.append(str(e))
out.append({x % 3 for x in range(10)})
out.append(set("hello") == set("olleh"))
out.append(len({1, 1.0, True}))
for o in out:
    print(o)

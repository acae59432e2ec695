vals = [0, 1, -1, 0.0, 2.5, "", "a", [], [0], (), {}, {0: 0}, set(), None, True, False, 0j, range(0), range(1)]
print([bool(v) for v in vals])
print(sum(map(bool, vals)), any(vals), all(vals), list(filter(bool, vals))[:4])
print(int(True) + int(False), True & False, True | False, True ^ True, ~True, -True)
print(isinstance(True, int), True == 1, hash(True) == hash(1), {True: "a", 1: "b"})

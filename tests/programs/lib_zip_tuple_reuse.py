ids = []
for pair in zip("abc", "def"):
    ids.append(id(pair))
kept = []
for pair in zip("abc", "def"):
    kept.append(pair)
ids2 = [id(p) for p in kept]
eids = []
for t in enumerate("xyz"):
    eids.append(id(t))
print(len(set(ids)), len(set(ids2)), len(set(eids)), kept)

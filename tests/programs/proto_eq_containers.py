# User __eq__ and __hash__ in containers: dict lookups, set membership, list operations.
class Key:
    calls = 0
    def __init__(self, k): self.k = k
    def __hash__(self):
        return hash(self.k) % 3
    def __eq__(self, o):
        Key.calls += 1
        return isinstance(o, Key) and self.k == o.k
d = {Key(i): i for i in range(6)}
print(d[Key(4)], Key(7) in d, len(d), Key.calls > 0)
s = {Key(1), Key(1), Key(2)}
print(len(s), [Key(1), Key(2)].index(Key(2)), Key(3) in [Key(1), Key(3)])

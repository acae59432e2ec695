log = []
class V:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        log.append((self.v, other.v))
        return self.v < other.v
    def __repr__(self):
        return f"V({self.v})"
items = [V(3), V(1), V(2), V(5), V(4)]
print(sorted(items))
print(log)
log.clear()
items.sort(reverse=True)
print(items, len(log))
log.clear()
print(min(items), max(items), log)

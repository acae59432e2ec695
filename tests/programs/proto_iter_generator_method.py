# __iter__ as a generator method: each iteration a new generator; sizes and identity.
import sys
class Tree:
    def __init__(self, v, kids=()): self.v, self.kids = v, list(kids)
    def __iter__(self):
        yield self.v
        for k in self.kids:
            yield from k
t = Tree(1, [Tree(2, [Tree(3)]), Tree(4)])
print(list(t), sum(t), 3 in t, max(t))
g1, g2 = iter(t), iter(t)
print(g1 is not g2, type(g1).__name__, next(g1), next(g1), next(g2))

# str.format and format_map over generated format strings: the grammar, the errors and their
# order are unicode_format.h's (heapsim parses the fields itself, methods/strformat.py).
class R:
    def __init__(self, seed):
        self.x = seed
    def randint(self, a, b):
        self.x = (self.x * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        return a + (self.x >> 33) % (b - a + 1)
    def choice(self, seq):
        return seq[self.randint(0, len(seq) - 1)]
rng = R(5)
alpha = ["{", "}", "0", "1", "!", "r", "s", "a", "x", ":", ".", "[", "]", "a", "b", "<", ">", "5", "{}", "{0}", "{a}", " ", "\u0663", "d", "z"]
class O:
    a = "attr"
    def __repr__(self):
        return "O()"
    def __getitem__(self, k):
        return "item" + repr(k)
args = ["s", 12, O(), [1, 2, 3], {"a": 1, 0: "z"}]
kw = {"a": O(), "b": "bee", "x": 3.5}
for i in range(1000):
    f = "".join(rng.choice(alpha) for _ in range(rng.randint(1, 8)))
    try:
        r = f.format(*args, **kw)
        print(repr(f), "->", repr(r))
    except Exception as e:
        print(repr(f), type(e).__name__, e)
    try:
        r = f.format_map(kw)
        print(" map ->", repr(r))
    except Exception as e:
        print(" map", type(e).__name__, e)

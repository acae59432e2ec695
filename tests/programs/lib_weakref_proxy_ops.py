import weakref
class L(list):
    pass
class N:
    def __init__(self, v): self.v = v
    def __add__(self, o): return N(self.v + o)
    def __len__(self): return 3
    def __call__(self, x): return x * 2
    def __str__(self): return f"N{self.v}"
    def __iter__(self): return iter([1, 2])
    def __getitem__(self, i): return i * 10
    def __eq__(self, o): return isinstance(o, N) and o.v == self.v
    __hash__ = None
n = N(1)
p = weakref.proxy(n)
def t(label, fn):
    try:
        print(label, fn())
    except Exception as e:
        print(label, type(e).__name__, e)
t("len", lambda: len(p))
t("add", lambda: (p + 1).v)
t("call", lambda: p(4))
t("str", lambda: str(p))
t("iter", lambda: list(p))
t("getitem", lambda: p[3])
t("bool", lambda: bool(p))
l = L([1, 2, 3])
pl = weakref.proxy(l)
t("list len", lambda: len(pl))
t("list idx", lambda: pl[1])
t("list contains", lambda: 2 in pl)
pl[0] = 100
del pl[1]
t("after set/del", lambda: (l, len(pl), pl + [9], 2 * pl if False else None))
t("str list", lambda: str(pl))
del n
t("dead len", lambda: len(p))
t("dead add", lambda: p + 1)
t("dead str", lambda: str(p))

# gc.get_referents for several kinds of objects.
import gc


class C:
    def __init__(self):
        self.a = [1]
        self.b = "text"


c = C()
lst = [1, "two", None]
tup = (lst, 3)
dct = {"k": lst}
print(len(gc.get_referents(lst)), gc.get_referents(tup)[0] is lst)
print(sorted(map(repr, gc.get_referents(dct))))
refs = gc.get_referents(c)
print(type(c) in refs, len(refs))
print(gc.get_referents(1, "x"), gc.get_referents())
print(len(gc.get_referrers(lst)) >= 2)

# reversed(): __reversed__, or the sequence protocol (__len__ and __getitem__).
class R:
    def __reversed__(self): return iter([3, 2, 1])
print(list(reversed(R())))
class SeqR:
    def __len__(self): return 3
    def __getitem__(self, i): return 'abc'[i]
print(list(reversed(SeqR())))
class NoRev: pass
try:
    reversed(NoRev())
except TypeError as e:
    print(e)
class L(list):
    def __reversed__(self): return iter(['custom'])
print(list(reversed(L([1, 2]))), list(reversed([1, 2])))

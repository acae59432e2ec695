class Bag:
    def __init__(self):
        self.items = {}
    def __len__(self):
        return len(self.items)
    def __getitem__(self, k):
        return self.items[k]
    def __setitem__(self, k, v):
        self.items[k] = v
    def __delitem__(self, k):
        del self.items[k]
    def __contains__(self, k):
        return k in self.items
    def __iter__(self):
        return iter(self.items)
    def __bool__(self):
        return bool(self.items)
b = Bag()
print(bool(b), len(b))
b['a'] = 1
b['b'] = 2
print(b['a'], 'a' in b, 'z' in b, len(b), list(b))
del b['a']
print(list(b), bool(b))
try:
    b['q']
except KeyError as e:
    print('KeyError', e)
class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * i
print(list(Seq()), 9 in Seq(), [x for x in Seq()])

# In-place operators: __iadd__ and friends, the fallback to __add__, and identity of the result.
class Acc:
    def __init__(self): self.items = []
    def __iadd__(self, o):
        self.items.append(o)
        return self
    def __isub__(self, o): return NotImplemented
    def __sub__(self, o): return 'sub'
    def __imul__(self, o): return 'imul-result'
a = Acc()
b = a
a += 1
a += 2
print(a is b, a.items)
a -= 1
print(a)
c = Acc()
c *= 3
print(c)
class P:
    def __add__(self, o): return 'plain add'
p = P()
p += 5
print(p)
x = [1]
y = x
x += [2]
print(x is y, x)

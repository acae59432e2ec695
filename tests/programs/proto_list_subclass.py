# list subclass: overriding append and __getitem__; what builtin methods bypass.
class Log(list):
    def append(self, x):
        print('append', x)
        super().append(x)
    def __getitem__(self, i):
        r = super().__getitem__(i)
        return ('got', r)
l = Log([1, 2])
l.append(3)
l.extend([4])
print(l[0], list(l), len(l), l + [9], type(l + [9]).__name__, l == [1, 2, 3, 4])
l.sort(reverse=True)
print(l.pop(), l, isinstance(l, list), type(l[:2]))
class Stack(list):
    push = list.append
    def peek(self): return list.__getitem__(self, -1)
s = Stack()
s.push(1); s.push(2)
print(s.peek(), s, len(s))

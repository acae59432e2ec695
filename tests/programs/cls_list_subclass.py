import sys
class Stack(list):
    def push(self, x):
        self.append(x)
    def peek(self):
        return self[-1]
s = Stack()
s.push(1); s.push(2); s.push(3)
print(s, len(s), s.peek(), s.pop(), s, isinstance(s, list), sys.getsizeof(Stack()))
s.extra = 'x'
print(s.extra, list(s), 2 in s, s + [9], [x * 2 for x in s])

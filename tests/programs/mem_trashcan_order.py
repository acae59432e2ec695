log = []
class T:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        log.append(self.n)
head = None
for i in range(119, -1, -1):
    head = [T(i), head]
del head
print(log)

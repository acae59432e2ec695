import gc
log = []
class T:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        log.append(self.n)
a = T(1); b = T(2); c = T(3)
del b
lst = [T(4), T(5), T(6)]
del lst
def f():
    x = T(7)
    y = T(8)
f()
a = None
print(log)

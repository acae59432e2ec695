import gc
gc.collect()
log = []
class N:
    def __init__(self, name):
        self.name = name
        self.other = None
    def __del__(self):
        log.append(self.name)
a = N('a'); b = N('b'); c = N('c')
a.other = b; b.other = c; c.other = a
del a, b, c
n = gc.collect()
print(n, log, gc.garbage)

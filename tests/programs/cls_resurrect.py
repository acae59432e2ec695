import gc
gc.collect()
saved = []
class R:
    def __del__(self):
        saved.append(self)
r = R()
del r
print(len(saved), type(saved[0]).__name__)
x = saved.pop()
del x
print(len(saved))

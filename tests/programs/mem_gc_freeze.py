import gc
gc.collect()
keep = [[] for i in range(10)]
gc.freeze()
n = gc.get_freeze_count()
c = gc.get_count()
x = []
x.append(x)
del x
r = gc.collect()
gc.unfreeze()
print(n > 10, c, r, gc.get_freeze_count())

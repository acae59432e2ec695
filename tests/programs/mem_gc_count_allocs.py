import gc
gc.collect()
res = [gc.get_count()]
a = []
res.append(gc.get_count())
b = set()
res.append(gc.get_count())
def f():
    pass
res.append(gc.get_count())
f()
res.append(gc.get_count())
del b
res.append(gc.get_count())
x = 1.5 * 2
res.append(gc.get_count())
s = 'abc' * 3
res.append(gc.get_count())
print(res)

import gc
gc.collect()
d = {}
d['self'] = d
del d
a = gc.collect()
x = {'l': []}
x['l'].append(x)
del x
b = gc.collect()
print(a, b)

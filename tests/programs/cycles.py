import gc

gc.collect()
a = []
a.append(a)
del a
print(gc.collect())
d = {}
d["self"] = d
l = [d]
d["l"] = l
del d, l
print(gc.collect())
print(gc.collect())
print(gc.get_threshold())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
print(gc.is_tracked([]), gc.is_tracked(1), gc.is_tracked("x"), gc.is_tracked({}), gc.is_tracked({"a": []}))
print(gc.is_tracked((1, 2)))

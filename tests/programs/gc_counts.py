import gc

gc.collect()
c0 = gc.get_count()
a = []
c1 = gc.get_count()
b = [[] for _ in range(5)]
c2 = gc.get_count()
del a
c3 = gc.get_count()
t = (1, 2)
c4 = gc.get_count()
d = {}
c5 = gc.get_count()
print(c0, c1, c2, c3, c4, c5)
class_free = gc.collect()
print(class_free, gc.get_count())

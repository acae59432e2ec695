# Two lists referencing each other survive del; gc.collect() frees them.
import gc

a = []
b = [a]
a.append(b)
del a, b
print(gc.collect())

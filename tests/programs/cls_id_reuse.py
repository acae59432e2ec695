class O:
    pass
a = O()
ia = id(a)
del a
b = O()
print(id(b) == ia)
print(id(O()) == id(O()))

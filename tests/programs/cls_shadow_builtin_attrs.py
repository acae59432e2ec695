# User classes named like builtin types: attribute access and methods come from the class,
# never from the builtin type of the same name.

class list:
    pass


class dict:
    def keys(self):
        return "my keys"


class str:
    def upper(self):
        return "my upper"


class int:
    real = "my real"


for cls, names in ((list, ("append", "sort", "__len__")), (dict, ("items", "get")),
                   (str, ("join", "lower")), (int, ("bit_length", "imag"))):
    obj = cls()
    for name in names:
        try:
            getattr(obj, name)
            print(cls.__name__, name, "found")
        except AttributeError as e:
            print(cls.__name__, name, "AttributeError:", e)
    print(cls.__name__, hasattr(cls, names[0]), type(obj).__name__, type(obj).__qualname__)

try:
    list().append(1)
except AttributeError as e:
    print("append:", e)
try:
    list.append
except AttributeError as e:
    print("list.append:", e)
print(dict().keys(), str().upper(), int().real)
try:
    dict().items()
except AttributeError as e:
    print(e)
try:
    str().join([])
except AttributeError as e:
    print(e)
try:
    int().bit_length()
except AttributeError as e:
    print(e)

a = list()
a.x = 5
a.append = lambda v: v * 2
print(a.x, a.append(21), sorted(vars(a)))
print(dict.keys(dict()), repr(type(int.real)))

# isinstance, subclassing the shadowed name, type and object shadowed, sizes and refcounts.
import sys
import builtins


class object:
    pass


class type:
    pass


class int(builtins.int):
    pass


class list(builtins.list):
    def append(self, v):
        super().append(v * 10)


class dict(dict):
    pass


class str(builtins.str):
    def shout(self):
        return self.upper() + "!"


o = object()
print(isinstance(o, object), isinstance(o, builtins.object), isinstance(1, object))
print(issubclass(object, builtins.object), object.__mro__ == (object, builtins.object))
t = type()
print(isinstance(t, type), isinstance(t, builtins.type), builtins.type(t) is type)
print(builtins.type(object) is builtins.type, builtins.type(o).__name__)
i = int(5)
print(i + 1, isinstance(i, int), isinstance(i, builtins.int), repr(i), i.bit_length(), hash(i))
L = list()
L.append(4)
L.extend([1])
print(L, len(L), isinstance(L, builtins.list), builtins.type(L).__name__, L == [40, 1])
d = dict(a=1)
d["b"] = 2
print(d, sorted(d), isinstance(d, builtins.dict), d.get("a"), dict.__base__.__name__)
s = str("hey")
print(s.shout(), s + "!", repr(s), len(s), s == "hey", hash(s) == hash("hey"))


class Sub(object):
    def __len__(self):
        return 7


class Sub2(list):
    pass


print(len(Sub()), Sub.__mro__[1] is object, isinstance(Sub(), object))
s2 = Sub2()
s2.append(2)
print(s2, [c.__name__ for c in Sub2.__mro__])
for v in (o, t, i, L, d, s, Sub(), s2):
    print(builtins.type(v).__name__, sys.getsizeof(v), sys.getrefcount(v))

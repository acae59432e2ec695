# PEP 585 generic aliases and PEP 604 unions: repr, attributes, equality, hash, calls,
# isinstance, bases, sizes, refcounts, gc counts and blocks
import sys, gc
a = list[int]
print(a, type(a), sys.getsizeof(a), gc.is_tracked(a))
print(repr(dict[str, list[int]]), repr(tuple[()]), repr(tuple[int, ...]), list[int].__name__)
try: list[int][str]
except TypeError as e: print(e)
try: isinstance([], list[int])
except TypeError as e: print(e)
try: issubclass(list, list[int])
except TypeError as e: print(e)
print(list[int] == list[int], list[int] == list[str], hash(list[int]) == hash(list[int]), list[int] == list)
print(list[int]('ab'), list[int].__mro_entries__((1,)), list[int].__parameters__, dict[str,int].__args__, list[int].__origin__)
print(int | str, (int | str).__args__, int | None, list[int] | None, int | str == str | int, int | int, type(int|int))
print(isinstance(1, int | str), isinstance('a', int | float), issubclass(bool, int | str))
try: int | 3
except TypeError as e: print(e)
print(type(list[int]).__module__, type(int|str).__name__, type(int|str).__module__)
print(list[int].append, list[int].__class__)
print(repr(tuple[int, ...]), tuple[int, ...].__args__)
x = type[int]; print(x, x.__origin__)
print(dict[str, list[int]] | int)
print(sys.getsizeof(int | str), gc.is_tracked(int | str), hash(int | str) == hash(str | int))
print(None | int, int | None | str | int)
class C: pass
print(list[C], C | None, dict[C, "x"])
def f(x: list[int], y: dict[str, int] | None = None) -> tuple[int, ...]:
    return (1,)
print(f([1]))
z: set[frozenset[int]] = set()
print(__annotations__)
print(set[int], frozenset[str], enumerate[int])
r0 = sys.getrefcount(int)
print(sys.getrefcount(a))
b = list[int]
r1 = sys.getrefcount(int)
del b
r2 = sys.getrefcount(int)
f0 = sys.getrefcount(float)
u = int | float
f1 = sys.getrefcount(float)
del u
f2 = sys.getrefcount(float)
print(r1 - r0, r2 - r0, f1 - f0, f2 - f0)
gc.collect()
gc.disable()
c0 = gc.get_count()[0]
aliases = [list[int], dict[str, int], int | str]
c1 = gc.get_count()[0]
b0 = sys.getallocatedblocks()
more = [tuple[int, str], set[int]]
b1 = sys.getallocatedblocks()
del more
b2 = sys.getallocatedblocks()
print(c1 - c0, b1 - b0, b2 - b0)
gc.enable()
print({list[int]: 1}[list[int]])
class D(list[int]): pass
print(D.__mro__, D.__orig_bases__, D([1, 2]))
class E(dict[str, int], metaclass=type): pass
print(E.__bases__, E.__orig_bases__, "__orig_bases__" in E.__dict__)
class F(C): pass
print("__orig_bases__" in F.__dict__)
class G:
    def __class_getitem__(cls, item):
        return f"G of {item}"
print(G[int])
class H(list):
    pass
print(H[int], type(H[int]))

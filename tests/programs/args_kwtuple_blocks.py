# Allocated blocks and generation-0 allocations around keyword calls of builtins parsed by an
# Argument Clinic parser (_PyArg_Parser: its keyword tuple is made on its first use with
# keywords, then kept, so later keyword calls cost no more than positional ones; sorted()
# passes its keywords to list.sort's parser).  The first keyword calls of sum and str.split
# are not measured: what they cost in CPython depends on which keyword names its start-up
# interned and on the tuple free lists at that moment.
import gc
import sys

gc.disable()
blocks = sys.getallocatedblocks
count = gc.get_count
b, g = blocks(), count()[0]     # warms the measuring itself
print("warm", blocks() - b >= 0, count()[0] - g >= 0)
x = sum([1], start=2)
del x
b, g = blocks(), count()[0]
x = sum([1], start=2)
print("sum keyword again", blocks() - b, count()[0] - g)
del x
b, g = blocks(), count()[0]
x = sorted([2, 1], reverse=True)
print("sorted keyword", blocks() - b, count()[0] - g)
del x
b, g = blocks(), count()[0]
x = [2, 1]
x.sort(reverse=True)
print("list.sort keyword (the same parser)", blocks() - b, count()[0] - g)
del x
b, g = blocks(), count()[0]
x = sorted([2, 1], key=None)
print("sorted keyword again", blocks() - b, count()[0] - g)
del x
b, g = blocks(), count()[0]
x = "a b".split(" ", 1)
print("split positional", blocks() - b, count()[0] - g)
del x
x = "a b".split(sep=" ")
del x
b, g = blocks(), count()[0]
x = "a b".split(sep=" ")
print("split keyword again", blocks() - b, count()[0] - g)
del x
b, g = blocks(), count()[0]
print("", end="")
print("print keyword", blocks() - b, count()[0] - g)
b, g = blocks(), count()[0]
print("", end="")
print("print keyword again", blocks() - b, count()[0] - g)
b, g = blocks(), count()[0]
x = str(object=5)
y = str(object=6)
print("str keyword twice", blocks() - b, count()[0] - g)
del x, y
b, g = blocks(), count()[0]
x = b"a".decode(encoding="ascii")
y = b"b".decode(encoding="ascii")
print("decode keyword twice", blocks() - b, count()[0] - g)
del x, y
gc.enable()

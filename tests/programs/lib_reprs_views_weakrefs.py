import weakref
class A:
    pass
def fn():
    pass
a = A()
r = weakref.ref(a)
rf = weakref.ref(fn)
p = weakref.proxy(a)
d = {1: "x", "k": [2]}
d["self"] = d.keys()
out = [repr(bytearray(b"ab\x00")), repr(bytearray()), repr(d.keys()), repr(d.values()),
       repr(d.items()), str({}.keys()), repr({}.items())]
texts = [repr(r), repr(rf), repr(p)]
ids = [hex(id(r)), hex(id(a)), hex(id(rf)), hex(id(fn)), hex(id(p))]
del a
texts.append(repr(r))
for o in out:
    print(o)
for t in texts:
    for i, x in enumerate(ids):
        t = t.replace(x, f"<id{i}>")
    print(t)

# Weak references compare by referent while both live, by identity once dead; hash is the referent's.
import weakref


class K:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return isinstance(other, K) and self.v == other.v

    def __hash__(self):
        return hash(self.v)


a = K(1)
b = K(1)
c = K(2)
ra = weakref.ref(a)
ra2 = weakref.ref(a, lambda w: None)
rb = weakref.ref(b)
rc = weakref.ref(c)
out = [ra == ra2, ra is ra2, ra == rb, ra == rc, ra != rc]
out.append(hash(ra) == hash(a) == hash(1))
h = hash(rc)
d = {ra: "a", rc: "c"}
out.append(d[rb])
del c
out.append(rc() is None)
out.append(hash(rc) == h)
out.append(rc == rc)
rc2 = weakref.ref(b)
out.append(rc == rc2)
del a
out.append((ra == ra2, ra == ra))
e = K(3)
re = weakref.ref(e)
del e
try:
    hash(re)
except TypeError as err:
    out.append(str(err))
for x in out:
    print(x)

# gc.collect() counts every object in the garbage cycles, dicts included.
import gc


class A:
    pass


def ring(n, with_dict):
    nodes = [A() for i in range(n)]
    for i, node in enumerate(nodes):
        node.next = nodes[(i + 1) % n]
        if with_dict:
            node.__dict__
    return None


gc.collect()
out = []
for n in (1, 2, 5, 10):
    ring(n, False)
    out.append(("ring", n, gc.collect()))
    ring(n, True)
    out.append(("ring+dicts", n, gc.collect()))
l = []
l.append(l)
t = (l,)
l.append(t)
del l, t
out.append(("list-tuple", gc.collect()))
d = {}
d["self"] = d
del d
out.append(("dict", gc.collect()))
print(out)

# When containers start and stop being tracked by the collector.
import gc

out = []
t = tuple([1, 2])
out.append(("tuple of ints", gc.is_tracked(t)))
gc.collect(0)
out.append(("after collect(0)", gc.is_tracked(t)))
nested = (1, (2, 3))
gc.collect()
out.append(("nested tuple", gc.is_tracked(nested)))
holder = ([],)
gc.collect()
out.append(("tuple with list", gc.is_tracked(holder)))
d = {"a": 1}
out.append(("dict of ints", gc.is_tracked(d)))
d["b"] = []
out.append(("dict gets a list", gc.is_tracked(d)))
d["b"] = 2
gc.collect(1)
out.append(("after collect(1)", gc.is_tracked(d)))
gc.collect()
out.append(("after full collect", gc.is_tracked(d)))
out.append(("str/int/float", gc.is_tracked("s"), gc.is_tracked(1), gc.is_tracked(1.0)))
out.append(("set/frozenset", gc.is_tracked(set()), gc.is_tracked(frozenset())))
for x in out:
    print(x)

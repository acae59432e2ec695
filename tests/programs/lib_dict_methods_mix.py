d = dict.fromkeys("abc", 0)
d.update(b=2, d=4)
d.update([("e", 5)])
out = [d, d.setdefault("a", 9), d.setdefault("z", 26), d.pop("b"), d.pop("nope", None)]
out.append(d.popitem())
out.append(list(d.items())[:3])
out.append(d.get("missing", "dflt"))
c = d.copy()
c["new"] = 1
out.append((len(d), len(c), "new" in d))
out.append(sorted(d, key=str))
out.append({**d, "a": "over"})
m = {}
for word in "the cat the dog the end".split():
    m[word] = m.get(word, 0) + 1
out.append(sorted(m.items(), key=lambda kv: (-kv[1], kv[0])))
try:
    d.pop("gone")
except KeyError as e:
    out.append(repr(e))
try:
    {}.popitem()
except KeyError as e:
    out.append(str(e))
out.append(dict(zip(range(3), "xyz")))
out.append(dict([(1, 2)], three=3))
e = {}
e[1] = "int"
e[1.0] = "float"
e[True] = "bool"
out.append(e)
for o in out:
    print(o)

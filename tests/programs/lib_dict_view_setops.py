d = {1: 2, 3: 4, "a": "b"}
print(d.keys() & {1, 3, 9}, d.keys() | [5], d.keys() - {1}, d.keys() ^ {1, 7})
print({1, 5} & d.keys(), [3] | d.keys() if False else None, {(1, 2)} - d.items(), d.items() & {(3, 4), (1, 1)})
print(type(d.keys() & set()).__name__)
e = {1: 0}
e |= [(2, 3), [4, 5]]
e |= {9: 9}
print(e)
try:
    e |= [1]
except TypeError as x:
    print(x)
try:
    e | [(1, 2)]
except TypeError as x:
    print(x)
try:
    d.values() | {1}
except TypeError as x:
    print(x)

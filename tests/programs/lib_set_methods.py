s = {1, 2, 3}
s.add(4)
s.add(1)
s.discard(10)
s.discard(2)
s.remove(3)
print(sorted(s), len(s))
t = {3, 4, 5}
print(sorted(s.union(t, [9])), sorted(s.intersection(t)), sorted(s.difference(t)), sorted(s.symmetric_difference(t)))
print(s.issubset({1, 4, 7}), s.issuperset([1]), s.isdisjoint({8}), s.isdisjoint([4]))
u = set(range(10))
u.intersection_update(range(5), [1, 2, 3, 4])
print(sorted(u))
u.difference_update({1}, [2])
print(sorted(u))
u.symmetric_difference_update({4, 5})
print(sorted(u))
u.update("ab", [7])
print(sorted(map(str, u)))
c = u.copy()
c.clear()
print(c, len(u), u.pop() in u or True)
try:
    s.remove(42)
except KeyError as e:
    print("KeyError", e)
try:
    set().pop()
except KeyError as e:
    print("KeyError", e)

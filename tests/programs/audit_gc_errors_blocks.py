# gc functions rejecting their arguments allocate nothing that stays: gc.get_objects with a
# bad generation raises before making its result list.
import gc
import sys

gc.collect()
errors = []
b0 = sys.getallocatedblocks()
for g in (3, 5, -2, 100):
    try:
        gc.get_objects(g)
    except ValueError as e:
        errors.append(str(e))
    try:
        gc.collect(g)
    except ValueError as e:
        errors.append(str(e))
b1 = sys.getallocatedblocks()
lists = [[] for _ in range(3)]
ids_distinct = len({id(x) for x in lists})
print(sorted(set(errors)), len(errors))
print("blocks", b1 - b0, ids_distinct)

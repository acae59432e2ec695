import sys
vals = [0, 1, -1, 255, 2**30 - 1, 2**30, -2**30, 2**60 - 1, 2**60, 2**90, 10**100, True, False, -(10**50)]
print([sys.getsizeof(v) for v in vals])
print([sys.getsizeof(2 ** k) for k in range(0, 200, 15)])

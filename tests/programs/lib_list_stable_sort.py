records = [("x", 3), ("y", 1), ("z", 3), ("w", 2), ("v", 1), ("u", 3)]
by_num = sorted(records, key=lambda r: r[1])
by_num_rev = sorted(records, key=lambda r: r[1], reverse=True)
print(by_num)
print(by_num_rev)
nums = [3, -1, 2, -3, 1, -2]
nums.sort(key=abs)
print(nums)
calls = []
def key(v):
    calls.append(v)
    return -v
print(sorted([1, 2, 3], key=key), calls)

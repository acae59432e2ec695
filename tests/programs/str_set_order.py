s = {"apple", "banana", "cherry", "date"}
print(s, list({"x": 1, "y": 2}))

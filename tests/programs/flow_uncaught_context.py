data = {"a": 1}
try:
    data["b"]
except KeyError:
    print("handling")
    data["c"] + 1

data = {"a": 1}
print("before")
print(data["missing"])

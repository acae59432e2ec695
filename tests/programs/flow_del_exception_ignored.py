import gc
gc.collect()

class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
        raise ValueError(f"boom in {self.name}")

a = Noisy("first")
del a
print("after first")
b = Noisy("second")
b.me = b
del b
gc.collect()
print("after collect")

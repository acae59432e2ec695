# __del__ runs when the refcount reaches zero.
class Resource:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("closing", self.name)


r = Resource("file")
r = None
print("after")

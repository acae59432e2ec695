class Collector:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
c = Collector()
print("hello", 42, sep=", ", file=c)
print("second", file=c, end="!")
print(c.parts)

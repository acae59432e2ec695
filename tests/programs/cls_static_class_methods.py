class K:
    count = 0
    def __init__(self):
        K.count += 1
    @classmethod
    def make(cls):
        return cls()
    @staticmethod
    def add(a, b):
        return a + b
    @classmethod
    def name(cls):
        return cls.__name__
class J(K):
    pass
k = K.make()
j = J.make()
print(K.count, type(j).__name__, K.add(2, 3), k.add(4, 5), J.name(), j.name())

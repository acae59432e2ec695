class A:
    def hi(self):
        return "A"
    @classmethod
    def make(cls):
        return cls.__name__
class B(A):
    def hi(self):
        return "B" + super(B, self).hi()
    @classmethod
    def make(cls):
        return "B:" + super().make()
class C(B):
    def hi(self):
        return "C" + super().hi()
print(C().hi(), C.make(), B.make())

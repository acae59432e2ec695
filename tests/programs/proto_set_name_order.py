# __set_name__ is called in class-dict order after the class exists; descriptors added later get none.
class D:
    def __set_name__(self, owner, name):
        print('set_name', owner.__name__, name, owner.__dict__.get(name) is self)
        self.name = name
class A:
    first = D()
    second = D()
    def method(self): pass
    third = D()
late = D()
A.late = late
print(hasattr(late, 'name'), A.first.name, A.third.name)
class B(A):
    fourth = D()

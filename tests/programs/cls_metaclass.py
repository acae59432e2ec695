class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns['tag'] = name.lower()
        cls = super().__new__(mcls, name, bases, ns)
        return cls
    def __call__(cls, *args):
        print("creating", cls.__name__, args)
        return super().__call__(*args)
class Base(metaclass=Meta):
    def __init__(self, v=0):
        self.v = v
class Child(Base):
    pass
c = Child(3)
print(Base.tag, Child.tag, c.v, type(Child).__name__, isinstance(Child, Meta))

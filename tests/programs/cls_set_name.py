class Field:
    def __set_name__(self, owner, name):
        self.name = name
        self.owner = owner.__name__
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return obj.__dict__.get(self.name, 'unset')
    def __set__(self, obj, value):
        obj.__dict__[self.name] = value * 2
class Model:
    x = Field()
    y = Field()
m = Model()
print(m.x, Model.x.name, Model.y.owner)
m.x = 5
print(m.x, m.__dict__)

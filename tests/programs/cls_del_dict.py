# Replacing and deleting an instance's __dict__.
class A: pass
a = A()
a.x = 1
a.__dict__ = {'y': 2}
print(a.y, hasattr(a, 'x'))
del a.__dict__
print(a.__dict__)
a.z = 3
print(a.__dict__)
try:
    a.__dict__ = [1]
except TypeError as e:
    print(e)

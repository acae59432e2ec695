# Class attributes versus instance attributes: shadowing, shared mutables, deletion.
class C:
    count = 0
    shared = []
    def __init__(self):
        C.count += 1
        self.shared.append(C.count)
a, b = C(), C()
a.count = 100
print(C.count, a.count, b.count, C.shared, a.shared is b.shared)
del a.count
print(a.count)
try:
    del b.count
except AttributeError as e:
    print(e)
C.new = 'added'
print(a.new, vars(a), sorted(k for k in vars(C) if not k.startswith('__')))

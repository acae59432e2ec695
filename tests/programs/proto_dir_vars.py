# vars() and dir() on instances and classes; __dir__ override.
class A:
    x = 1
    def f(self): pass
class B(A):
    y = 2
    def __init__(self): self.z = 3
b = B()
print(vars(b), [n for n in dir(b) if not n.startswith('__')], 'f' in dir(B))
class Custom:
    def __dir__(self): return ['b', 'a', 'c']
print(dir(Custom()))
try:
    vars(1)
except TypeError as e:
    print(e)

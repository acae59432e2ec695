import sys
x = 12345678
y = 'not an identifier!'
def f():
    return sys.getrefcount(98765)
def g():
    z = 54321
    return sys.getrefcount(z)
print(sys.getrefcount(x), sys.getrefcount(y), f(), g(), sys.getrefcount(3.14159))

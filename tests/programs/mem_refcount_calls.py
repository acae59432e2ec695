import sys
def one(o):
    return sys.getrefcount(o)
def two(o, p):
    return sys.getrefcount(o)
def star(*args):
    return sys.getrefcount(args[0])
def kw(**kwargs):
    return sys.getrefcount(kwargs['a'])
def nested(o):
    return one(o)
x = []
print(sys.getrefcount(x), one(x), two(x, x), star(x), kw(a=x), nested(x))

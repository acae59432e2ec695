def g1():
    return 1000
def g2():
    return 1000
def h1():
    return (1, 2, 'x')
def h2():
    return (1, 2, 'x')
def s1():
    return 'not an id!'
a = 1000
b = 1000
big = 1e100
big2 = 1e100
print(a is b, g1() is g2(), h1() is h2(), s1() is s1(), big is big2, g1() is a)

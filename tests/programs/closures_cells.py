import sys


def outer():
    items = []

    def add(x):
        items.append(x)
        return len(items)

    def get():
        return items
    return add, get


add, get = outer()
add(1)
add(2)
print(get(), sys.getrefcount(get()))
funcs = [lambda i=i: i * 10 for i in range(3)]
print([f() for f in funcs])


def counter():
    n = 0

    def bump():
        nonlocal n
        n += 1
        return n
    return bump


b = counter()
print(b(), b(), b())


def shadow():
    try:
        return missing_local
    except NameError as e:
        return str(e)


print(shadow())


def unbound():
    try:
        print(v)
    except UnboundLocalError as e:
        print(e)
    v = 1


unbound()

counter = 0

def bump():
    global counter
    counter += 1
    return counter

def make_acc():
    total = 0
    def add(n):
        nonlocal total
        total += n
        return total
    def get():
        return total
    return add, get

bump(); bump()
add, get = make_acc()
add(5); add(7)
print(counter, get())

def outer():
    x = 1
    def mid():
        x = 2
        def inner():
            nonlocal x
            x += 10
            return x
        return inner(), x
    return mid(), x
print(outer())

def late_global():
    global created_later
    created_later = "made"
late_global()
print(created_later)

def unbound():
    try:
        print(y)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    y = 1
unbound()

def shadow():
    len = lambda s: -1
    return len("abc")
print(shadow(), len("abc"))

def del_global():
    global counter
    del counter
del_global()
print("counter" in globals())
print(counter)

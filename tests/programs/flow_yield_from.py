def inner():
    try:
        x = yield "a"
        print("inner got", x)
        y = yield "b"
        print("inner got", y)
    except KeyError as e:
        print("inner caught", repr(e))
        yield "c"
    finally:
        print("inner finally")
    return "inner-result"

def outer():
    r = yield from inner()
    print("outer got", r)
    yield "d"

o = outer()
print(next(o))
print(o.send(1))
print(o.throw(KeyError("k")))
print(next(o))
o2 = outer()
next(o2)
o2.close()
print("closed")
def chain():
    yield from [1, 2]
    yield from range(3, 5)
    yield from (x * 10 for x in range(2))
print(list(chain()))

def f(n):
    out = []
    try:
        out.append("try")
        if n == 1:
            raise ValueError("v")
        if n == 2:
            return out + ["early"]
    except ValueError as e:
        out.append("except " + str(e))
    else:
        out.append("else")
    finally:
        out.append("finally")
    return out
for n in range(3):
    print(f(n))
def g():
    for i in range(5):
        try:
            if i % 2:
                continue
            if i == 4:
                break
        finally:
            print("fin", i)
    return i
print(g())
def h():
    try:
        return "try"
    finally:
        print("h finally runs")
print(h())
def k():
    try:
        1 / 0
    except (TypeError, ZeroDivisionError) as e:
        return type(e).__name__
print(k())

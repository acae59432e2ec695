def show(e):
    c = e.__context__
    k = e.__cause__
    return (type(e).__name__, type(c).__name__ if c else None, type(k).__name__ if k else None)
try:
    try:
        {}["x"]
    except KeyError:
        raise ValueError("during")
except ValueError as e:
    print(show(e))
try:
    try:
        [][1]
    except IndexError as ie:
        raise TypeError("caused") from ie
except TypeError as e:
    print(show(e))
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("no context") from None
except RuntimeError as e:
    print(show(e))
try:
    try:
        raise KeyError("a")
    finally:
        print("cleanup")
except KeyError as e:
    print(show(e))

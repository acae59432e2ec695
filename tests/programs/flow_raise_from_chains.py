class AppError(Exception):
    pass

def load(key):
    try:
        return {"a": 1}[key]
    except KeyError as e:
        raise AppError(f"missing {key}") from e

def suppressed():
    try:
        1 / 0
    except ZeroDivisionError:
        raise AppError("clean") from None

out = []
try:
    load("b")
except AppError as e:
    out.append((str(e), type(e.__cause__).__name__, e.__suppress_context__))
try:
    suppressed()
except AppError as e:
    out.append((e.__cause__, type(e.__context__).__name__, e.__suppress_context__))
try:
    raise AppError("x") from ValueError
except AppError as e:
    out.append(type(e.__cause__).__name__)
for o in out:
    print(o)

def level3():
    raise KeyError("deep")
def level2():
    try:
        level3()
    except KeyError as e:
        raise ValueError("middle") from e
def level1():
    try:
        level2()
    except ValueError:
        raise RuntimeError("top")
level1()

log = []

def replace_in_finally():
    try:
        raise KeyError("original")
    finally:
        raise ValueError("from finally")

try:
    replace_in_finally()
except ValueError as e:
    log.append((str(e), type(e.__context__).__name__))

def break_in_finally():
    for i in range(2):
        try:
            raise RuntimeError("lost")
        finally:
            break
    return "swallowed by break"
log.append(break_in_finally())

def return_in_except():
    try:
        raise IndexError("x")
    except IndexError:
        return "from except"
    finally:
        log.append("finally after except return")
log.append(return_in_except())

def handler_raises_again():
    try:
        try:
            1 / 0
        except ZeroDivisionError as first:
            raise TypeError("second") from first
        finally:
            log.append("inner finally")
    except TypeError as e:
        return (type(e.__cause__).__name__, e.__suppress_context__)
log.append(handler_raises_again())
for item in log:
    print(item)

def cleanup_fails():
    try:
        raise KeyError("during work")
    finally:
        {}["cleanup key"]
cleanup_fails()

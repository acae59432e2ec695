# except* at module level: the parts split from a group get their traceback, context and
# cause after their birth (the record must see it: tests/record/test_exactness.py).
# except* re-raises the unhandled rest with the original's context suppressed
def collect():
    try:
        raise KeyError("ctx")
    except KeyError:
        raise ExceptionGroup("outer", [ValueError(1), TypeError(2)])
try:
    try:
        collect()
    except* ValueError:
        print("got value error")
except ExceptionGroup as e:
    print(repr(e), repr(e.__context__), e.__suppress_context__, e.__cause__)
try:
    collect()
except ExceptionGroup as e:
    print(repr(e), repr(e.__context__))
    m, r = e.split(ValueError)
    print(repr(r.__context__), r.__suppress_context__)

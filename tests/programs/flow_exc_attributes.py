import sys

def fail(n):
    if n == 0:
        raise KeyError("k")
    fail(n - 1)

out = []
try:
    fail(2)
except KeyError as e:
    tb = e.__traceback__
    lines = []
    while tb is not None:
        lines.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    out.append(lines)
    out.append((e.args, e.__context__, e.__cause__, e.__suppress_context__))
    t, v, tb2 = sys.exc_info()
    out.append((t.__name__, v is e, tb2 is e.__traceback__))
out.append(sys.exc_info())

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("second")
except ValueError as e:
    out.append((type(e.__context__).__name__, e.__cause__, e.__suppress_context__))

try:
    try:
        [][1]
    except IndexError as inner:
        raise RuntimeError("outer") from inner
except RuntimeError as e:
    out.append((type(e.__cause__).__name__, e.__suppress_context__))
    e.__suppress_context__ = False
    out.append(e.__suppress_context__)

e = ValueError(1, 2)
e.args = [3, 4]
out.append(e.args)
e.__cause__ = TypeError("t")
out.append((repr(e.__cause__), e.__suppress_context__))
try:
    e.__cause__ = 5
except TypeError as err:
    out.append(str(err))
try:
    e.__traceback__ = 5
except TypeError as err:
    out.append(str(err))
e.__context__ = None
out.append(e.__context__)
for o in out:
    print(o)

# An exception and its traceback keep frames' objects alive until the except block ends.
import sys


class Big:
    pass


def fail(obj):
    local = obj
    raise ValueError("boom")


b = Big()
base = sys.getrefcount(b)
inside = None
try:
    fail(b)
except ValueError as e:
    inside = sys.getrefcount(b) - base
    tb_kept = True
after = sys.getrefcount(b) - base
saved = None
try:
    fail(b)
except ValueError as e:
    saved = e
held = sys.getrefcount(b) - base
saved = None
released = sys.getrefcount(b) - base
print(inside, tb_kept, after, held, released)

"""Shared helper of the args_*.py programs (builtins called with wrong arguments).
Imported by those programs; not a program itself (tests/test_programs.py skips _*.py)."""


def attempt(label, f):
    """Call f() and print its result, or the exception's type and CPython's message."""
    try:
        r = f()
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, "ok", r)

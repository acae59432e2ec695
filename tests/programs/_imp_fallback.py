"""Helper of imp_guest_module.py: a library module written as the standard library writes
its accelerated modules (the pure-Python code, then the C accelerator if it imports)."""


def total(xs):
    s = 0
    for x in xs:
        s += x
    return s


ACCELERATED = False
try:
    from _imp_fallback_accel import total
    ACCELERATED = True
except ImportError as e:
    MISSING = e.name

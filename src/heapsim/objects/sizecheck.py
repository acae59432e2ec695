"""Sizes checked before the host builds them: the one place the builtin operations ask whether
a result of known size fits under the heap limit (memory/limits.py), before the host computes
its payload.

Each ``ensure_*`` function takes the size the result's block would have (as the type's module
computes it) and raises OutOfMemory, which the interpreter turns into the guest MemoryError
CPython raises when ``malloc`` fails; the run goes on.  Results below ``SMALL`` bytes are not
checked: the allocator refuses them anyway when they do not fit, and a host payload that size
is harmless.  A length past ``PY_SSIZE_T_MAX`` is left to the operation itself, which raises
CPython's OverflowError without building anything.
"""

import math

from heapsim.memory.limits import ensure_room
from heapsim.objects.longobject import DIGIT_BITS, DIGIT_BYTES, LONG_HEADER
from heapsim.objects.unicodeobject import ASCII_HEADER, COMPACT_HEADER, kind_of

SMALL = 1 << 20
PY_SSIZE_T_MAX = (1 << 63) - 1
BYTES_HEADER = 33          # offsetof(PyBytesObject, ob_sval) + 1
POINTER = 8


def ensure_bytes_of(heap, nbytes):
    """A block of nbytes (a payload with its header) must fit now."""
    if SMALL < nbytes <= PY_SSIZE_T_MAX:
        ensure_room(heap.allocator.raw, nbytes)


def ensure_str(heap, length, kind=1):
    """A str of ``length`` characters of ``kind`` bytes each (``PyUnicode_New``)."""
    if length > SMALL // 4:
        header = ASCII_HEADER if kind == 1 else COMPACT_HEADER
        ensure_bytes_of(heap, header + (length + 1) * kind)


def ensure_bytes(heap, length):
    """A bytes or bytearray payload of ``length`` bytes."""
    if length > SMALL:
        ensure_bytes_of(heap, BYTES_HEADER + length)


def ensure_items(heap, n):
    """An array of n object pointers (a list's or a tuple's items)."""
    if n > SMALL // POINTER:
        ensure_bytes_of(heap, n * POINTER)


def ensure_int_bits(heap, bits):
    """An int of ``bits`` bits."""
    if bits > SMALL:
        ensure_bytes_of(heap, LONG_HEADER + DIGIT_BYTES * ((bits + DIGIT_BITS - 1) // DIGIT_BITS))


def check_host_binop(heap, op, x, y):
    """Before the host computes ``x op y`` on the payloads of builtin scalars: the sequence
    repeats and the int operations whose result size is known in advance (``*``, ``<<``,
    ``**``)."""
    tx = type(x)
    ty = type(y)
    if op == "*":
        if tx is str and (ty is int or ty is bool):
            if y > 0 and x:
                ensure_str(heap, len(x) * y, kind_of(x)[0])
        elif ty is str and (tx is int or tx is bool):
            if x > 0 and y:
                ensure_str(heap, len(y) * x, kind_of(y)[0])
    elif tx is int and ty is int:
        if op == "<<":
            if x and 0 < y <= PY_SSIZE_T_MAX:
                ensure_int_bits(heap, x.bit_length() + y)
        elif op == "**":
            if y > 64 and (x > 1 or x < -1):
                ensure_int_bits(heap, int(math.log2(abs(x)) * y))

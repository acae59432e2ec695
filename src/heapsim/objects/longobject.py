"""``int`` (Objects/longobject.c): 30-bit digits, the small-int cache, sizes and allocation.

An int is ``IntObject`` with its value as a host int in ``value``.  Its memory is
``offsetof(ob_digit) + 4*max(1, ndigits)`` bytes from ``PyObject_Malloc``: 28 or 32 bytes for
one or two digits (a 32-byte block), 36 for three (a 48-byte block), and so on.  Ints are not
GC objects and have no free list; their reuse of ids is pymalloc's LIFO block reuse.

The small ints -5..256 are statically allocated (``_Py_SINGLETON(small_ints)``) with the
refcount 999999999 of ``_PyObject_IMMORTAL_INIT``; ``heap.small_ints[v + 5]`` is the object
for ``v``.  Every constructor goes through ``new_int``, which returns the cached object for a
small value, with a new reference.
"""

from heapsim.base.errors import GuestError
from heapsim.objects.core import (
    PyObject, TPFLAGS_BASETYPE, TPFLAGS_LONG_SUBCLASS, make_static_type,
)

DIGIT_BITS = 30
DIGIT_BYTES = 4
LONG_HEADER = 24      # offsetof(PyLongObject, ob_digit)
ONE_DIGIT_SIZE = LONG_HEADER + DIGIT_BYTES


class IntObject(PyObject):
    """``PyLongObject``; ``value`` is the host int."""

    __slots__ = ("value",)


def ndigits(value):
    """Number of 30-bit digits CPython stores for ``value`` (0 for zero)."""
    return (abs(value).bit_length() + DIGIT_BITS - 1) // DIGIT_BITS


def long_to_decimal(value):
    """``long_to_decimal_string``: the decimal text of host int ``value``, or CPython's
    ValueError past the int max str digits limit (4300 digits; the host, also 3.11, applies
    the same limit with the same message)."""
    try:
        return repr(value)
    except ValueError as e:
        raise GuestError("ValueError", str(e)) from None


def int_sizeof(obj):
    """``int.__sizeof__``: the digit count after normalisation, at least one digit."""
    n = (abs(obj.value).bit_length() + DIGIT_BITS - 1) // DIGIT_BITS
    return LONG_HEADER + DIGIT_BYTES * (n if n > 1 else 1)


def int_dealloc(heap, obj):
    """``tp_dealloc`` of int (``PyObject_Free``): also the loop's specialisations' way to
    free an exact int (vm/specialize.py)."""
    heap.free(obj.addr)


def int_hash(heap, obj):
    return hash(obj.value)


def numeric_eq(heap, a, b):
    """``==`` between two numbers of the builtin numeric types (int, bool, float, complex)."""
    other = getattr(b, "value", None)
    if other is None or b.ob_type.tp_eq is not numeric_eq:
        return NotImplemented
    return a.value == other


def init(heap):
    cfg = heap.objcfg
    int_type = make_static_type(
        "int", LONG_HEADER, DIGIT_BYTES, TPFLAGS_BASETYPE | TPFLAGS_LONG_SUBCLASS,
        base=heap.object_type, sizeof=int_sizeof, dealloc=int_dealloc,
        hash=int_hash, eq=numeric_eq)
    heap.register_static_type(int_type)
    heap.int_type = int_type
    small = []
    for v in range(cfg.small_int_min, cfg.small_int_max + 1):
        obj = IntObject.__new__(IntObject)
        obj.value = v
        heap.make_static(obj, int_type, 32)
        small.append(obj)
    heap.small_ints = small
    heap.small_int_offset = -cfg.small_int_min


def new_int(heap, value, alloc_digits=None):
    """A new reference to an int of ``value`` (``PyLong_FromLong`` and friends).

    ``alloc_digits`` overrides the number of digits allocated, for the paths that allocate
    more than they keep (``x_add`` allocates one digit more than the larger operand).
    """
    if -5 <= value <= 256:
        obj = heap.small_ints[value + 5]
        obj.ob_refcnt += 1
        return obj
    if alloc_digits is None:
        if -1073741824 < value < 1073741824:       # |value| < 2**30: one digit
            size = ONE_DIGIT_SIZE
        else:
            size = LONG_HEADER + DIGIT_BYTES * ((abs(value).bit_length() + 29) // 30)
    else:
        size = LONG_HEADER + DIGIT_BYTES * (alloc_digits if alloc_digits > 1 else 1)
    obj = IntObject.__new__(IntObject)
    obj.ob_refcnt = 1
    obj.ob_type = heap.int_type
    obj.value = value
    obj.addr = heap.malloc(size)
    return obj

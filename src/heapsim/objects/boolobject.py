"""``bool`` (Objects/boolobject.c): the two static singletons, refcount starting at 1."""

from heapsim.objects.core import make_static_type
from heapsim.objects.longobject import (
    DIGIT_BYTES, LONG_HEADER, IntObject, int_hash, int_sizeof, numeric_eq,
)


def init(heap):
    bool_type = make_static_type("bool", LONG_HEADER, DIGIT_BYTES, 0, base=heap.int_type,
                                 sizeof=int_sizeof, hash=int_hash, eq=numeric_eq)
    heap.register_static_type(bool_type)
    heap.bool_type = bool_type
    for attr, value in (("false", 0), ("true", 1)):
        obj = IntObject.__new__(IntObject)
        obj.value = value
        heap.make_static(obj, bool_type, 32, refcnt=1)
        setattr(heap, attr, obj)


def new_bool(heap, flag):
    """``PyBool_FromLong``: a new reference to True or False."""
    obj = heap.true if flag else heap.false
    obj.ob_refcnt += 1
    return obj

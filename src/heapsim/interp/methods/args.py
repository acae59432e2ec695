"""Small utilities shared by the builtins (methods/*_methods.py, modules/*module.py): reference
helpers, CPython's argument conversions (``PyNumber_Index``, ``Py_ssize_t``) and the ``str``
constructor without ``unicode_result`` that several of them build results with.

The argument parsing itself, and CPython's argument-error messages, come from each builtin's
declaration (methods/clinic.py).
"""

from heapsim.base.errors import GuestError
from heapsim.objects.unicodeobject import str_new_object


def incref(o):
    o.ob_refcnt += 1
    return o


def as_index(sp, obj, what=None):
    """``PyNumber_Index`` for the builtin ints (and ``__index__`` through the space when it
    offers ``index``): a host int."""
    h = sp.heap
    tp = obj.ob_type
    if tp is h.int_type or tp is h.bool_type:
        return obj.value
    if hasattr(obj, "value") and type(obj.value) is int and sp.isinstance_tp(obj, h.int_type):
        return obj.value
    fn = getattr(sp, "number_index", None)
    if fn is not None and tp is not h.float_type and tp is not h.str_type:
        r = fn(obj)
        if r is not None:
            return r
    raise GuestError("TypeError", what or f"'{tp.name}' object cannot be interpreted as an "
                     "integer")


def as_ssize(sp, obj, what=None):
    """``Py_ssize_t`` conversion (``PyNumber_AsSsize_t`` with OverflowError)."""
    v = as_index(sp, obj, what)
    if not -(1 << 63) <= v < (1 << 63):
        raise GuestError("OverflowError", "Python int too large to convert to C ssize_t")
    return v


def opt_none(sp, obj):
    """None for a missing argument or a guest None."""
    if obj is None or obj is sp.heap.none:
        return None
    return obj


def fresh_str(heap, value):
    """``PyUnicode_New`` filled in, without ``unicode_result``: only the empty string is
    the singleton; a one-character result is a new object."""
    if not value:
        obj = heap.empty_str
        obj.ob_refcnt += 1
        return obj
    return str_new_object(heap, value)

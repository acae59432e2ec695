"""``complex`` (Objects/complexobject.c): 32-byte objects straight from pymalloc.

A complex number is ``ComplexObject`` with its value as a host complex in ``value``.
``PyComplexObject`` is the 16-byte header plus a ``Py_complex`` (two C doubles), 32 bytes.
It is not a GC type and, unlike float, has no free list: ``PyComplex_FromCComplex`` calls
``PyObject_Malloc`` and the type's ``tp_free`` (``PyObject_Del``) gives the block back, so
reuse of ``id()`` values is pymalloc's LIFO block reuse.
"""

from heapsim.objects.core import PyObject, TPFLAGS_BASETYPE, make_static_type
from heapsim.objects.floatobject import free_by_type
from heapsim.objects.longobject import numeric_eq

COMPLEX_SIZE = 32       # sizeof(PyComplexObject)


class ComplexObject(PyObject):
    """``PyComplexObject``; ``value`` is the host complex (``cval``)."""

    __slots__ = ("value",)


def complex_hash(heap, obj):
    """``complex_hash``: the host's hash of the same pair of doubles."""
    return hash(obj.value)


def _complex_dealloc(heap, obj):
    """The inherited ``object_dealloc``: ``tp_free`` of the object's type."""
    if obj.ob_type is heap.complex_type:
        heap.free(obj.addr)
    else:
        free_by_type(heap, obj)


def init(heap):
    complex_type = make_static_type(
        "complex", COMPLEX_SIZE, 0, TPFLAGS_BASETYPE, base=heap.object_type,
        dealloc=_complex_dealloc, hash=complex_hash, eq=numeric_eq)
    heap.register_static_type(complex_type)
    heap.complex_type = complex_type


def new_complex(heap, value):
    """``PyComplex_FromCComplex``: a new reference to a complex of ``value``."""
    obj = ComplexObject.__new__(ComplexObject)
    obj.ob_refcnt = 1
    obj.ob_type = heap.complex_type
    obj.value = complex(value)
    obj.addr = heap.malloc(COMPLEX_SIZE)
    return obj

"""``float`` (Objects/floatobject.c): 24-byte objects recycled through a free list.

A float is ``FloatObject`` with its value as a host float in ``value``.  ``PyFloatObject`` is
the 16-byte header plus one C double, 24 bytes, a 32-byte pymalloc block.  Floats are not GC
objects.

The free list.  CPython 3.11 keeps up to ``PyFloat_MAXFREELIST`` (100) dead exact floats in a
per-interpreter singly linked stack threaded through their ``ob_type`` fields
(``_Py_float_state.free_list`` and ``numfree``).  ``float_dealloc`` pushes an exact float there
while fewer than 100 are held, and otherwise frees the block; ``PyFloat_FromDouble`` pops the
most recently pushed shell before it asks pymalloc for memory.  The shells keep their memory
blocks, so ``sys.getallocatedblocks()`` still counts them and the next float reuses the last
dead float's ``id()``.  Full collections empty the stack (``_PyFloat_ClearFreeList``, called
from ``clear_freelists`` in Modules/gcmodule.c), freeing the most recently pushed shell first.

Here the stack is ``heap.float_freelist``, a host list whose end is the top: dead
``FloatObject`` shells that keep their ``addr``.  Instances of float subclasses never enter
it; they are freed by their type's ``tp_free``.
"""

from heapsim.objects.core import (
    PyObject, TPFLAGS_BASETYPE, TPFLAGS_MATCH_SELF, make_static_type,
)
from heapsim.objects.longobject import numeric_eq

FLOAT_SIZE = 24         # sizeof(PyFloatObject)


class FloatObject(PyObject):
    """``PyFloatObject``; ``value`` is the host float (``ob_fval``)."""

    __slots__ = ("value",)


def float_hash(heap, obj):
    """``float_hash``: the host's ``hash`` of the same double (``_Py_HashDouble``)."""
    return hash(obj.value)


def free_by_type(heap, obj):
    """``tp_free`` for an instance of a subclass: the GC or the plain deallocator."""
    if obj.ob_type.is_gc:
        heap.gc_del(obj)
    else:
        heap.free_object(obj)


def float_dealloc(heap, obj):
    """``float_dealloc``: push an exact float's shell on the free list, or free it (also the
    loop's specialisations' way to free an exact float, vm/specialize.py)."""
    if obj.ob_type is heap.float_type:
        freelist = heap.float_freelist
        if len(freelist) < heap.float_freelist_max:
            freelist.append(obj)
        else:
            heap.free(obj.addr)
    else:
        free_by_type(heap, obj)


def init(heap):
    float_type = make_static_type(
        "float", FLOAT_SIZE, 0, TPFLAGS_BASETYPE | TPFLAGS_MATCH_SELF,
        base=heap.object_type, dealloc=float_dealloc, hash=float_hash, eq=numeric_eq)
    heap.register_static_type(float_type)
    heap.float_type = float_type
    heap.float_freelist = []
    heap.float_freelist_max = heap.objcfg.float_freelist_max


def new_float(heap, value):
    """``PyFloat_FromDouble``: a new reference to a float, reusing the last dead shell."""
    freelist = heap.float_freelist
    if freelist:
        obj = freelist.pop()
    else:
        obj = FloatObject.__new__(FloatObject)
        obj.ob_type = heap.float_type
        obj.addr = heap.malloc(FLOAT_SIZE)
    obj.ob_refcnt = 1
    obj.value = value
    return obj


def float_clear_freelist(heap):
    """``_PyFloat_ClearFreeList``: free every shell, the most recently pushed first.

    Returns the number of shells freed.
    """
    freelist = heap.float_freelist
    count = len(freelist)
    free = heap.free
    while freelist:
        free(freelist.pop().addr)
    return count

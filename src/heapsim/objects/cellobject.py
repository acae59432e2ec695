"""``cell`` (Objects/cellobject.c): the box that holds a variable shared with a closure.

A cell is 24 bytes plus the GC header (``sys.getsizeof`` 40), tracked from creation, not
weakly referenceable, unhashable (it compares by contents), and has no free list.
"""

from heapsim.objects.abstract import objects_equal
from heapsim.objects.core import (
    TPFLAGS_HAVE_GC, UNTRACKED, GCObject, make_static_type, unhashable,
)

CELL_SIZE = 24            # sizeof(PyCellObject): head, ob_ref


# ``PyCellObject``: ``ob_ref`` is the contents, ``None`` (NULL) while the cell is empty.
class CellObject(GCObject):
    __slots__ = ("ob_ref",)


def cell_new(heap, obj):
    """``PyCell_New``: a new reference to a new cell holding obj (increfed; None = empty)."""
    addr = heap.gc_alloc(heap.cell_type, CELL_SIZE)
    op = CellObject.__new__(CellObject)
    op.ob_refcnt = 1
    op.ob_type = heap.cell_type
    op.addr = addr
    op.gc_gen = UNTRACKED
    op.gc_refs = 0
    op.gc_flags = 0
    if obj is not None:
        obj.ob_refcnt += 1
    op.ob_ref = obj
    heap.gc.track(op)
    return op


def cell_get(op):
    """``PyCell_Get``: a new reference to the contents, or None when the cell is empty."""
    obj = op.ob_ref
    if obj is not None:
        obj.ob_refcnt += 1
    return obj


def cell_set(heap, op, obj):
    """``PyCell_Set``: store obj (increfed; None empties the cell), then release the old."""
    old = op.ob_ref
    if obj is not None:
        obj.ob_refcnt += 1
    op.ob_ref = obj
    if old is not None:
        heap.decref(old)


def cell_dealloc(heap, op):
    heap.gc.untrack(op)
    heap.xdecref(op.ob_ref)
    heap.gc_del(op)


def cell_traverse(op):
    return (op.ob_ref,) if op.ob_ref is not None else ()


def cell_clear(heap, op):
    old = op.ob_ref
    if old is not None:
        op.ob_ref = None
        heap.decref(old)


def cell_eq(heap, a, b):
    """``cell_richcompare`` for ``==``: by contents; an empty cell equals only an empty one."""
    if b.ob_type is not heap.cell_type:
        return NotImplemented
    x = a.ob_ref
    y = b.ob_ref
    if x is not None and y is not None:
        return objects_equal(heap, x, y)
    return x is None and y is None


def init(heap):
    tp = make_static_type("cell", CELL_SIZE, 0, TPFLAGS_HAVE_GC, base=heap.object_type,
                          dealloc=cell_dealloc, traverse=cell_traverse, clear=cell_clear,
                          hash=unhashable, eq=cell_eq)
    heap.register_static_type(tp)
    heap.cell_type = tp

"""``slice`` (Objects/sliceobject.c): the object, its one-object cache, index arithmetic.

A slice is a GC object of 40 bytes (header and three references: ``start``, ``stop``,
``step``, each ``None`` when absent) plus the 16-byte GC pre-header.  In 3.11 every ``a[i:j]``
builds one (``BUILD_SLICE`` then ``BINARY_SUBSCR``), so the interpreter keeps a cache of one
dead slice (``interp->slice_cache``): ``slice_dealloc`` parks the shell there when the cache is
empty and ``PySlice_New`` takes it back, without the allocator or the collector's count.  The
cache is not emptied by collections.

``slice_unpack`` and ``slice_adjust_indices`` are ``PySlice_Unpack`` and
``PySlice_AdjustIndices``: what sequences use to turn a slice into host start/stop/step.
"""

from heapsim.base.errors import GuestError, Unsupported
from heapsim.objects.core import (
    GCObject, TPFLAGS_HAVE_GC, TPFLAGS_HEAPTYPE, TPFLAGS_LONG_SUBCLASS, make_static_type,
    unhashable,
)
from heapsim.objects.longobject import new_int
from heapsim.objects.tupleobject import tuple_eq, tuple_pack

SLICE_SIZE = 40            # sizeof(PySliceObject)
PY_SSIZE_T_MAX = (1 << 63) - 1
PY_SSIZE_T_MIN = -(1 << 63)


# ``SliceObject`` is ``PySliceObject``: three references, never NULL (None when omitted).  The
# shell parked in ``heap.slice_cache`` has all three set to host None.
class SliceObject(GCObject):
    """``PySliceObject``."""

    __slots__ = ("start", "stop", "step")


def slice_traverse(s):
    """``slice_traverse``: start, stop, step."""
    return (s.start, s.stop, s.step)


def init(heap):
    slice_type = make_static_type(
        "slice", SLICE_SIZE, 0, TPFLAGS_HAVE_GC, base=heap.object_type,
        dealloc=slice_dealloc, traverse=slice_traverse, hash=unhashable, eq=slice_eq)
    heap.register_static_type(slice_type)
    heap.slice_type = slice_type
    heap.slice_cache = None


def slice_new(heap, start=None, stop=None, step=None):
    """``PySlice_New``: a new, tracked slice holding new references (host None -> ``None``).

    The cached shell is reused when there is one.
    """
    none = heap.none
    if step is None:
        step = none
    if start is None:
        start = none
    if stop is None:
        stop = none
    obj = heap.slice_cache
    if obj is not None:
        heap.slice_cache = None
        obj.ob_refcnt = 1
    else:
        tp = heap.slice_type
        obj = SliceObject.__new__(SliceObject)
        obj.ob_refcnt = 1
        obj.ob_type = tp
        obj.gc_gen = -1
        obj.gc_refs = 0
        obj.gc_flags = 0
        obj.addr = heap.gc_alloc(tp, SLICE_SIZE)
    step.ob_refcnt += 1
    obj.step = step
    start.ob_refcnt += 1
    obj.start = start
    stop.ob_refcnt += 1
    obj.stop = stop
    heap.gc.track(obj)
    return obj


def slice_from_indices(heap, istart, istop):
    """``_PySlice_FromIndices``: ``slice(istart, istop)`` from host ints."""
    start = new_int(heap, istart)
    end = new_int(heap, istop)
    s = slice_new(heap, start, end)
    heap.decref(start)
    heap.decref(end)
    return s


def slice_dealloc(heap, s):
    """``slice_dealloc``: untrack, release step, start, stop; park in the cache or free."""
    if s.gc_gen >= 0:
        heap.gc.untrack(s)
    step, start, stop = s.step, s.start, s.stop
    s.step = s.start = s.stop = None
    heap.decref(step)
    heap.decref(start)
    heap.decref(stop)
    if heap.slice_cache is None:
        heap.slice_cache = s
    else:
        heap.gc_del(s)


def slice_fini(heap):
    """``_PySlice_Fini``: free the cached shell (interpreter shutdown only)."""
    s = heap.slice_cache
    if s is not None:
        heap.slice_cache = None
        heap.gc_del(s)


def slice_eq(heap, v, w):
    """``slice_richcompare(v, w, Py_EQ)``: identity, else compare ``(start, stop, step)``
    tuples, which are really built (``PyTuple_Pack``) and released, first v's then w's."""
    if w.ob_type is not heap.slice_type:
        return NotImplemented
    if v is w:
        return True
    t1 = tuple_pack(heap, v.start, v.stop, v.step)
    try:
        t2 = tuple_pack(heap, w.start, w.stop, w.step)
    except BaseException:
        heap.decref(t1)
        raise
    try:
        return tuple_eq(heap, t1, t2)
    finally:
        heap.decref(t1)
        heap.decref(t2)


# --- index arithmetic ------------------------------------------------------------------------------

def _slice_index(heap, v, default):
    """``_PyEval_SliceIndex``: None keeps the default; ints are clamped to Py_ssize_t."""
    if v is heap.none:
        return default
    tp = v.ob_type
    if tp.flags & TPFLAGS_LONG_SUBCLASS or tp is heap.int_type or tp is heap.bool_type:
        x = v.value
        if x > PY_SSIZE_T_MAX:
            return PY_SSIZE_T_MAX
        if x < PY_SSIZE_T_MIN:
            return PY_SSIZE_T_MIN
        return x
    if tp.flags & TPFLAGS_HEAPTYPE:
        raise Unsupported("__index__ of a user-defined class in a slice")
    raise GuestError("TypeError",
                     "slice indices must be integers or None or have an __index__ method")


def slice_unpack(heap, s):
    """``PySlice_Unpack``: host ``(start, stop, step)``, not yet adjusted to a length."""
    if s.step is heap.none:
        step = 1
    else:
        step = _slice_index(heap, s.step, 1)
        if step == 0:
            raise GuestError("ValueError", "slice step cannot be zero")
        if step < -PY_SSIZE_T_MAX:
            step = -PY_SSIZE_T_MAX
    if s.start is heap.none:
        start = PY_SSIZE_T_MAX if step < 0 else 0
    else:
        start = _slice_index(heap, s.start, 0)
    if s.stop is heap.none:
        stop = PY_SSIZE_T_MIN if step < 0 else PY_SSIZE_T_MAX
    else:
        stop = _slice_index(heap, s.stop, 0)
    return start, stop, step


def slice_adjust_indices(length, start, stop, step):
    """``PySlice_AdjustIndices``: host ``(start, stop, slicelength)`` for a sequence length."""
    if start < 0:
        start += length
        if start < 0:
            start = -1 if step < 0 else 0
    elif start >= length:
        start = length - 1 if step < 0 else length
    if stop < 0:
        stop += length
        if stop < 0:
            stop = -1 if step < 0 else 0
    elif stop >= length:
        stop = length - 1 if step < 0 else length
    if step < 0:
        if stop < start:
            return start, stop, (start - stop - 1) // (-step) + 1
    elif start < stop:
        return start, stop, (stop - start - 1) // step + 1
    return start, stop, 0


def slice_indices(heap, s, length):
    """``PySlice_GetIndicesEx``: host ``(start, stop, step, slicelength)``."""
    start, stop, step = slice_unpack(heap, s)
    start, stop, slicelength = slice_adjust_indices(length, start, stop, step)
    return start, stop, step, slicelength

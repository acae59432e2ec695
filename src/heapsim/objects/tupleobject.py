"""``tuple`` (Objects/tupleobject.c): layout, the empty singleton, per-size free lists, hash.

A tuple is a ``PyVarObject`` followed by its item pointers, so one block holds everything:
``24 + 8*n`` bytes plus the 16-byte GC pre-header, from ``PyObject_GC_NewVar``.  The empty
tuple ``()`` is a statically allocated singleton (``_Py_SINGLETON(tuple_empty)``) that is never
tracked and never freed; every path that would build a 0-tuple returns it instead.

The free lists (``interp->tuple``) keep dead tuple shells per length so that a new tuple of
that length takes a recently freed block back without calling the allocator or touching the
collector's count.  3.11 has an off-by-one between push and pop: ``maybe_freelist_push``
accepts lengths 1..20, ``maybe_freelist_pop`` only serves lengths below 20, so 20-tuples pile
up on their list until a full collection clears it.

Construction follows CPython's two shapes: ``tuple_new`` is ``PyTuple_New`` (NULL items,
filled by ``tuple_setitem``, which steals), ``tuple_pack``/``tuple_from_array`` copy items with
new references, and ``tuple_build`` is ``BUILD_TUPLE`` (it steals a host list of references).
Every constructor tracks the result, as CPython does; ``tuple_maybe_untrack`` is the
collector's ``_PyTuple_MaybeUntrack``.
"""

from heapsim.base.errors import GuestError, SimulatorBug
from heapsim.objects.abstract import hash_object, objects_equal
from heapsim.objects.core import (
    GCObject, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC, TPFLAGS_HEAPTYPE, TPFLAGS_MATCH_SELF,
    TPFLAGS_SEQUENCE, TPFLAGS_TUPLE_SUBCLASS, TPFLAGS_TYPE_SUBCLASS, make_static_type,
)

TUPLE_HEADER = 24      # offsetof(PyTupleObject, ob_item)
POINTER = 8

# xxHash constants of tuplehash (64-bit Py_uhash_t)
_XXPRIME_1 = 11400714785074694791
_XXPRIME_2 = 14029467366897019727
_XXPRIME_5 = 2870177450012600261
_MASK64 = (1 << 64) - 1
_LEN_MANGLE = _XXPRIME_5 ^ 3527539


# ``TupleObject`` is ``PyTupleObject``: the GC header fields from ``GCObject`` and ``items``, a
# host list whose length is ``ob_size`` and whose entries are the item pointers (a simulated
# object, or host ``None`` for a NULL slot of a tuple still being filled).  A shell on a free
# list has ``items`` set to ``None``: it holds no references while it waits.
class TupleObject(GCObject):
    """``PyTupleObject``."""

    __slots__ = ("items",)


def tuple_sizeof(obj):
    """``tuple.__sizeof__`` (object's, for a var-sized type): ``24 + 8*len``."""
    return TUPLE_HEADER + POINTER * len(obj.items)


def init(heap):
    cfg = heap.objcfg
    tuple_type = make_static_type(
        "tuple", TUPLE_HEADER, POINTER,
        TPFLAGS_HAVE_GC | TPFLAGS_BASETYPE | TPFLAGS_TUPLE_SUBCLASS | TPFLAGS_MATCH_SELF
        | TPFLAGS_SEQUENCE,
        base=heap.object_type, sizeof=tuple_sizeof, dealloc=tuple_dealloc,
        traverse=tuple_traverse, clear=tuple_clear, trashcan=True,
        hash=tuple_tp_hash, eq=tuple_eq)
    heap.register_static_type(tuple_type)
    heap.tuple_type = tuple_type
    empty = TupleObject.__new__(TupleObject)
    empty.items = []
    heap.make_static(empty, tuple_type, TUPLE_HEADER)
    heap.empty_tuple = empty
    # Index n holds the dead n-tuples (index 0 unused), most recently freed last.
    heap.tuple_freelists = [[] for _ in range(cfg.tuple_freelist_sizes + 1)]
    heap.tuple_freelist_max = cfg.tuple_freelist_max
    heap.tuple_reuse_below = cfg.tuple_freelist_reuse_below


# --- allocation ----------------------------------------------------------------------------

def _tuple_alloc(heap, n):
    """``tuple_alloc``: a shell for n > 0 items (refcount 1, untracked, items unset).

    It comes from the free list for lengths below ``tuple_reuse_below`` (no allocator call, no
    change to the collector's count), otherwise from ``PyObject_GC_NewVar``.
    """
    if n < heap.tuple_reuse_below:
        free = heap.tuple_freelists[n]
        if free:
            op = free.pop()
            op.ob_refcnt = 1
            return op
    tp = heap.tuple_type
    op = TupleObject.__new__(TupleObject)
    op.ob_refcnt = 1
    op.ob_type = tp
    op.gc_gen = -1
    op.gc_refs = 0
    op.gc_flags = 0
    op.items = None
    op.addr = heap.gc_alloc(tp, TUPLE_HEADER + POINTER * n)
    return op


def tuple_new(heap, n):
    """``PyTuple_New(n)``: a new, tracked tuple of n NULL items (``()`` for n == 0).

    Fill it with ``tuple_setitem`` before anything else sees it.
    """
    if n == 0:
        empty = heap.empty_tuple
        empty.ob_refcnt += 1
        return empty
    if n < 0:
        raise SimulatorBug("tuple_new with a negative size")
    op = _tuple_alloc(heap, n)
    op.items = [None] * n
    heap.gc.track(op)
    return op


def tuple_pack(heap, *items):
    """``PyTuple_Pack(n, ...)``: a new tuple holding new references to ``items``."""
    n = len(items)
    if n == 0:
        empty = heap.empty_tuple
        empty.ob_refcnt += 1
        return empty
    op = _tuple_alloc(heap, n)
    for item in items:
        item.ob_refcnt += 1
    op.items = list(items)
    heap.gc.track(op)
    return op


def tuple_from_array(heap, src):
    """``_PyTuple_FromArray``: a new tuple with new references to the objects of host list src."""
    n = len(src)
    if n == 0:
        empty = heap.empty_tuple
        empty.ob_refcnt += 1
        return empty
    op = _tuple_alloc(heap, n)
    for item in src:
        item.ob_refcnt += 1
    op.items = src[:]
    heap.gc.track(op)
    return op


def tuple_build(heap, items):
    """``BUILD_TUPLE n`` / ``_PyTuple_FromArraySteal``: adopt the host list ``items``.

    The references in ``items`` are stolen and the host list itself becomes the tuple's
    ``items`` (the caller must not use it afterwards).
    """
    n = len(items)
    if n == 0:
        empty = heap.empty_tuple
        empty.ob_refcnt += 1
        return empty
    op = _tuple_alloc(heap, n)
    op.items = items
    heap.gc.track(op)
    return op


def tuple_from_list(heap, lst):
    """``PyList_AsTuple`` (also ``tuple(a_list)`` and ``LIST_TO_TUPLE``)."""
    return tuple_from_array(heap, lst.items)


def tuple_from_iterable(heap, iterator, length_hint=10):
    """The generic path of ``PySequence_Tuple``: fill from an iterator, resizing as needed.

    ``iterator`` is a host iterable yielding new references (the guest iterator's
    ``tp_iternext`` results); the caller creates and releases the guest iterator object itself,
    before and after this call, as ``PySequence_Tuple`` does.  ``length_hint`` is
    ``PyObject_LengthHint(v, 10)``.  The tuple is ``PyTuple_New(hint)``; when it fills up it is
    grown with ``_PyTuple_Resize`` to ``(n + 10) * 5 // 4``-ish (ten more, then a quarter), and
    finally cut back to the number of items.
    """
    n = length_hint
    result = tuple_new(heap, n)
    j = 0
    try:
        for item in iterator:
            if j >= n:
                n += 10
                n += n >> 2
                result = tuple_resize(heap, result, n)
            result.items[j] = item
            j += 1
    except BaseException:
        heap.decref(result)         # PySequence_Tuple's Fail: the partial tuple goes first
        raise
    if j < n:
        result = tuple_resize(heap, result, j)
    return result


def tuple_resize(heap, t, newsize):
    """``_PyTuple_Resize``: resize a tuple nobody else knows; return the (new) tuple.

    The block is ``PyObject_Realloc``'ed in place of the old one (it may move); items cut off
    are released first; new slots are NULL.  Resizing to 0 returns ``()``, resizing ``()``
    returns a fresh ``PyTuple_New``.  The object is untracked and tracked again, which moves it
    to the end of generation 0 as in CPython.
    """
    oldsize = len(t.items)
    if t.ob_type is not heap.tuple_type or (oldsize != 0 and t.ob_refcnt != 1):
        raise SimulatorBug("_PyTuple_Resize of a shared tuple")
    if oldsize == newsize:
        return t
    if newsize == 0:
        heap.decref(t)
        empty = heap.empty_tuple
        empty.ob_refcnt += 1
        return empty
    if oldsize == 0:
        heap.decref(t)
        return tuple_new(heap, newsize)
    heap.gc.untrack(t)
    items = t.items
    for i in range(newsize, oldsize):
        item = items[i]
        if item is not None:
            items[i] = None
            heap.decref(item)
    pre = heap.tuple_type.preheader
    t.addr = heap.realloc(t.addr - pre, pre + TUPLE_HEADER + POINTER * newsize) + pre
    if newsize < oldsize:
        del items[newsize:]
    else:
        items.extend([None] * (newsize - oldsize))
    heap.gc.track(t)
    return t


# --- item access -----------------------------------------------------------------------------

def tuple_setitem(heap, t, i, item):
    """``PyTuple_SetItem``/``PyTuple_SET_ITEM``: store ``item`` (stolen), dropping the old one."""
    items = t.items
    old = items[i]
    items[i] = item
    if old is not None:
        heap.decref(old)


def tuple_getitem(heap, t, i):
    """``PyTuple_GetItem``: a borrowed reference; IndexError outside 0..len-1."""
    items = t.items
    if i < 0 or i >= len(items):
        raise GuestError("IndexError", "tuple index out of range")
    return items[i]


def tuple_item_new_ref(heap, t, i):
    """``t[i]`` for an int index (negative counts from the end): a new reference."""
    items = t.items
    if i < 0:
        i += len(items)
    if i < 0 or i >= len(items):
        raise GuestError("IndexError", "tuple index out of range")
    item = items[i]
    item.ob_refcnt += 1
    return item


def tuple_slice(heap, t, ilow, ihigh):
    """``PyTuple_GetSlice``/``tupleslice``: the whole exact tuple is returned as itself."""
    n = len(t.items)
    if ilow < 0:
        ilow = 0
    if ihigh > n:
        ihigh = n
    if ihigh < ilow:
        ihigh = ilow
    if ilow == 0 and ihigh == n and t.ob_type is heap.tuple_type:
        t.ob_refcnt += 1
        return t
    return tuple_from_array(heap, t.items[ilow:ihigh])


def tuple_subscript_slice(heap, t, start, stop, step, slicelength):
    """``t[slice]`` (``tuplesubscript``) with indices already adjusted to the length."""
    if slicelength <= 0:
        empty = heap.empty_tuple
        empty.ob_refcnt += 1
        return empty
    items = t.items
    if start == 0 and step == 1 and slicelength == len(items) and t.ob_type is heap.tuple_type:
        t.ob_refcnt += 1
        return t
    op = _tuple_alloc(heap, slicelength)
    chosen = items[start:start + step * slicelength:step] if step > 0 else \
        [items[start + k * step] for k in range(slicelength)]
    for item in chosen:
        item.ob_refcnt += 1
    op.items = chosen
    heap.gc.track(op)
    return op


def tuple_concat(heap, a, b):
    """``a + b`` (``tupleconcat``); b must be a tuple."""
    if not b.ob_type.flags & TPFLAGS_TUPLE_SUBCLASS:
        raise GuestError("TypeError", "can only concatenate tuple (not \"%s\") to tuple"
                         % b.ob_type.name)
    tuple_type = heap.tuple_type
    if not a.items and b.ob_type is tuple_type:
        b.ob_refcnt += 1
        return b
    if not b.items and a.ob_type is tuple_type:
        a.ob_refcnt += 1
        return a
    size = len(a.items) + len(b.items)
    if size == 0:
        empty = heap.empty_tuple
        empty.ob_refcnt += 1
        return empty
    op = _tuple_alloc(heap, size)
    items = a.items + b.items
    for item in items:
        item.ob_refcnt += 1
    op.items = items
    heap.gc.track(op)
    return op


def tuple_repeat(heap, a, n):
    """``a * n`` (``tuplerepeat``): exact size; ``a`` itself for n == 1 or an empty tuple."""
    size = len(a.items)
    if (size == 0 or n == 1) and a.ob_type is heap.tuple_type:
        a.ob_refcnt += 1
        return a
    if size == 0 or n <= 0:
        empty = heap.empty_tuple
        empty.ob_refcnt += 1
        return empty
    op = _tuple_alloc(heap, size * n)
    for item in a.items:
        item.ob_refcnt += n
    op.items = a.items * n
    heap.gc.track(op)
    return op


# --- hashing and comparison ------------------------------------------------------------------

def tuple_hash(heap, t, item_hash):
    """``tuplehash``: 3.11's single-lane xxHash over the items' hashes.

    ``item_hash(heap, item)`` returns an item's hash as a host int (``abstract.hash_object``
    for simulated items).  Arithmetic is modulo 2**64 on the unsigned view, as in C.
    """
    acc = _XXPRIME_5
    for item in t.items:
        lane = item_hash(heap, item) & _MASK64
        acc = (acc + lane * _XXPRIME_2) & _MASK64
        acc = ((acc << 31) | (acc >> 33)) & _MASK64
        acc = (acc * _XXPRIME_1) & _MASK64
    acc = (acc + (len(t.items) ^ _LEN_MANGLE)) & _MASK64
    if acc == _MASK64:
        return 1546275796
    return acc - (1 << 64) if acc >= 1 << 63 else acc


def tuple_tp_hash(heap, t):
    """``tp_hash`` of tuple."""
    return tuple_hash(heap, t, hash_object)


def tuple_eq(heap, a, b):
    """``tuplerichcompare(a, b, Py_EQ)``.

    As in CPython there is no early exit on different lengths: items are compared pairwise
    (identity first) up to the shorter length, and only then the lengths.
    """
    if not b.ob_type.flags & TPFLAGS_TUPLE_SUBCLASS:
        return NotImplemented
    va = a.items
    vb = b.items
    n = min(len(va), len(vb))
    for i in range(n):
        x = va[i]
        y = vb[i]
        if x is not y and not objects_equal(heap, x, y):
            return False
    return len(va) == len(vb)


# --- the collector's view ----------------------------------------------------------------------

def may_be_tracked(heap, obj):
    """``_PyObject_GC_MAY_BE_TRACKED``: GC-able (``PyObject_IS_GC``) and not an untracked
    exact tuple.  Static type objects are not GC-able (``type_is_gc``: heap types only)."""
    tp = obj.ob_type
    if not tp.is_gc:
        return False
    if tp is heap.tuple_type:
        return obj.gc_gen >= 0
    if tp.flags & TPFLAGS_TYPE_SUBCLASS:
        return bool(obj.flags & TPFLAGS_HEAPTYPE)
    return True


def tuple_maybe_untrack(heap, t):
    """``_PyTuple_MaybeUntrack``: untrack an exact tuple none of whose items may be tracked.

    A tuple with a NULL item is still being built and stays tracked.
    """
    if t.ob_type is not heap.tuple_type or t.gc_gen < 0:
        return
    for item in t.items:
        if item is None or may_be_tracked(heap, item):
            return
    heap.gc.untrack(t)


def tuple_traverse(t):
    """``tupletraverse``: the items, last to first (NULL items skipped)."""
    items = t.items
    if not items:
        return ()
    return [item for item in reversed(items) if item is not None]


def tuple_clear(heap, t):
    """tuple's ``tp_clear``: 3.11's tuple type has none, so the collector clears nothing here.

    Cycles through tuples are broken by ``tp_clear`` of the other objects in them; clearing
    tuples too would change the order in which a collection frees things.
    """
    return None


# --- deallocation and free lists ------------------------------------------------------------

def tuple_dealloc(heap, op):
    """``tupledealloc`` without the trashcan: untrack, release items last to first, then keep
    the shell on its free list (no collector count change) or ``PyObject_GC_Del`` it."""
    items = op.items
    n = len(items)
    if n == 0 and op is heap.empty_tuple:
        return
    if op.gc_gen >= 0:
        heap.gc.untrack(op)
    dealloc = heap.dealloc
    i = n
    while i:
        i -= 1
        item = items[i]
        if item is not None:
            rc = item.ob_refcnt - 1
            item.ob_refcnt = rc
            if rc == 0:
                dealloc(item)
    freelists = heap.tuple_freelists
    if 0 < n < len(freelists) and op.ob_type is heap.tuple_type:
        free = freelists[n]
        if len(free) < heap.tuple_freelist_max:
            op.items = None
            free.append(op)
            return
    op.items = None
    heap.gc_del(op)


def tuple_clear_freelists(heap):
    """``_PyTuple_ClearFreeList``: ``PyObject_GC_Del`` every shell, each list from its head.

    Called by full collections.  Each freed shell also decrements generation 0's count, as
    ``PyObject_GC_Del`` does.
    """
    for free in heap.tuple_freelists:
        while free:
            heap.gc_del(free.pop())


def tuple_freelist_lengths(heap):
    """Number of dead shells per length 1..20 (``_PyTuple_DebugMallocStats``)."""
    return [len(free) for free in heap.tuple_freelists[1:]]

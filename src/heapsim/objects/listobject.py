"""``list`` (Objects/listobject.c): the shell, its item array, growth rules and the free list.

A list is two memory blocks.  The shell is ``PyListObject`` (40 bytes: header, ``ob_size``,
``ob_item``, ``allocated``) plus the 16-byte GC pre-header, from ``PyObject_GC_New``.  The item
array is a separate ``PyMem_Malloc``/``PyMem_Realloc`` block of ``8 * allocated`` bytes, so an
array of up to 64 pointers lives in a pymalloc pool and a longer one is a raw (glibc) block.
``sys.getsizeof`` reports ``40 + 8*allocated + 16`` whatever the array's block size.

How capacity is chosen decides both ``getsizeof`` and which blocks are used:

* ``list_resize`` (appends, inserts, pops, slice assignment): over-allocate by an eighth plus
  6, rounded down to a multiple of 4 (0, 4, 8, 16, 24, 32, 40, 52, 64, 76, ...); jump straight
  to ``(n + 3) & ~3`` when growing by more than that; do nothing while the new size lies between
  half the capacity and the capacity; shrink below half.  Resizing to 0 reallocates to 0 bytes,
  which pymalloc turns into a raw 1-byte block: the array pointer stays non-NULL.
* ``list_preallocate_exact`` (``list(x)``, ``extend`` of a list whose array is NULL, the
  constant-literal form ``[c1, c2, c3, ...]``): the length rounded up to even.
* exact sizes: ``PyList_New(n)`` (``BUILD_LIST n``), slices, copies, ``l * n``, ``l + m``.

The free list (``interp->list``, at most 80 shells) serves ``PyList_New`` only, so ``[]``,
``BUILD_LIST`` and comprehensions reuse dead lists' shells (LIFO, without touching the
collector's count) while ``list()``/``list(x)`` allocate through ``PyType_GenericAlloc``.

How the compiler's building paths map onto this module: ``BUILD_LIST n`` is ``list_build``
(``PyList_New(n)`` and stolen items); a literal of three or more constants is ``BUILD_LIST 0``
+ ``LIST_EXTEND const_tuple``, i.e. ``list_new(heap, 0)`` + ``list_extend`` (see
``list_from_constants``); a comprehension is ``BUILD_LIST 0`` + ``LIST_APPEND`` per item
(``list_append_steal``).  Slicing, copying and repetition are in ``list_slices``.
"""

from heapsim.base.errors import GuestError, OutOfMemory, SimulatorBug
from heapsim.objects.abstract import objects_equal
from heapsim.objects.core import (
    GCObject, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC, TPFLAGS_LIST_SUBCLASS, TPFLAGS_MATCH_SELF,
    TPFLAGS_SEQUENCE, make_static_type, unhashable,
)

LIST_SIZE = 40         # sizeof(PyListObject)
POINTER = 8


# ``ListObject`` is ``PyListObject``.  ``items`` is a host list whose length is ``ob_size`` and
# whose entries are the item pointers (host ``None`` for a NULL slot of a ``PyList_New(n)`` list
# not yet filled); ``allocated`` is the capacity in items; ``buf`` is the address of the item
# array block (``ob_item``), 0 for NULL.  A dead shell waiting on the free list has ``items``
# None, ``buf`` 0 and ``allocated`` 0.
class ListObject(GCObject):
    """``PyListObject``."""

    __slots__ = ("items", "allocated", "buf")


def list_sizeof(obj):
    """``list.__sizeof__``: the shell plus the capacity, not the array's block size."""
    return LIST_SIZE + POINTER * obj.allocated


def list_traverse(lst):
    """``list_traverse``: the items, last to first."""
    items = lst.items
    if not items:
        return ()
    return [item for item in reversed(items) if item is not None]


def list_buffers(lst):
    """The item array block, if there is one (for the heap audit)."""
    return (lst.buf,) if lst.buf else ()


def init(heap):
    list_type = make_static_type(
        "list", LIST_SIZE, 0,
        TPFLAGS_HAVE_GC | TPFLAGS_BASETYPE | TPFLAGS_LIST_SUBCLASS | TPFLAGS_MATCH_SELF
        | TPFLAGS_SEQUENCE,
        base=heap.object_type, sizeof=list_sizeof, dealloc=list_dealloc,
        traverse=list_traverse, clear=list_clear, trashcan=True, hash=unhashable,
        eq=list_eq, buffers=list_buffers)
    heap.register_static_type(list_type)
    heap.list_type = list_type
    heap.list_freelist = []        # dead shells, most recently freed last
    heap.list_freelist_max = heap.objcfg.list_freelist_max


# --- creation ----------------------------------------------------------------------------------

def _new_shell(heap, tp):
    op = ListObject.__new__(ListObject)
    op.ob_refcnt = 1
    op.ob_type = tp
    op.gc_gen = -1
    op.gc_refs = 0
    op.gc_flags = 0
    op.addr = heap.gc_alloc(tp, LIST_SIZE)
    return op


def list_new(heap, n=0):
    """``PyList_New(n)``: a tracked list of n NULL items with capacity exactly n.

    The shell comes from the free list when it has one (no allocator call, no count change);
    the array is ``PyMem_Calloc(n, 8)`` for n > 0.
    """
    free = heap.list_freelist
    if free:
        op = free.pop()
        op.ob_refcnt = 1
    else:
        op = _new_shell(heap, heap.list_type)
    if n > 0:
        op.buf = heap.malloc(POINTER * n)
        op.items = [None] * n
    else:
        op.buf = 0
        op.items = []
    op.allocated = n
    heap.gc.track(op)
    return op


def list_new_generic(heap):
    """``PyType_GenericAlloc(&PyList_Type, 0)`` as ``list()``/``list(x)`` use it: a fresh
    block (never the free list), an empty tracked list with a NULL array."""
    op = _new_shell(heap, heap.list_type)
    op.items = []
    op.allocated = 0
    op.buf = 0
    heap.gc.track(op)
    return op


def list_new_prealloc(heap, size):
    """``list_new_prealloc``: ``PyList_New(0)`` then an array of exactly ``size`` items.

    The list is returned with ``items`` empty; the caller appends the ``size`` items.
    """
    op = list_new(heap, 0)
    try:
        op.buf = heap.malloc(POINTER * size)
    except OutOfMemory:
        heap.decref(op)         # Py_DECREF(op), then PyErr_NoMemory
        raise
    op.allocated = size
    return op


def list_build(heap, items):
    """``BUILD_LIST n``: ``PyList_New(n)`` and the n stack items stolen into it.

    ``items`` (a host list of references, in order) becomes the list's ``items``; the caller
    must not use it afterwards.
    """
    n = len(items)
    free = heap.list_freelist
    if free:
        op = free.pop()
        op.ob_refcnt = 1
    else:
        op = _new_shell(heap, heap.list_type)
    op.buf = heap.malloc(POINTER * n) if n else 0
    op.items = items
    op.allocated = n
    heap.gc.track(op)
    return op


def list_from_constants(heap, const_tuple):
    """``[c1, c2, c3, ...]`` with three or more constants: ``BUILD_LIST 0`` then
    ``LIST_EXTEND`` with the folded tuple constant (capacity rounded up to even)."""
    op = list_new(heap, 0)
    list_extend(heap, op, const_tuple)
    return op


def list_from_sequence(heap, seq):
    """``list(seq)`` for an exact list or tuple: generic allocation, then ``list_extend``."""
    op = list_new_generic(heap)
    list_extend(heap, op, seq)
    return op


# --- capacity ----------------------------------------------------------------------------------

def list_resize(heap, lst, newsize):
    """``list_resize``: make room for ``newsize`` items (the caller then changes ``items``).

    ``len(lst.items)`` is taken as the current ``ob_size``, so call this before changing
    ``items``, where CPython calls it before setting the size.
    """
    allocated = lst.allocated
    if allocated >= newsize and newsize >= (allocated >> 1):
        return
    new_allocated = (newsize + (newsize >> 3) + 6) & ~3
    if newsize - len(lst.items) > new_allocated - newsize:
        new_allocated = (newsize + 3) & ~3
    if newsize == 0:
        new_allocated = 0
    lst.buf = heap.realloc(lst.buf, new_allocated * POINTER)
    lst.allocated = new_allocated


def list_preallocate_exact(heap, lst, size):
    """``list_preallocate_exact``: a first array for ``size`` items, rounded up to even."""
    if lst.buf:
        raise SimulatorBug("list_preallocate_exact on a list that has an array")
    size = (size + 1) & ~1
    lst.buf = heap.malloc(POINTER * size)
    lst.allocated = size


# --- growing -----------------------------------------------------------------------------------

def list_append(heap, lst, item):
    """``PyList_Append``: append a new reference to ``item``."""
    item.ob_refcnt += 1
    items = lst.items
    n = len(items)
    if lst.allocated <= n:
        list_resize(heap, lst, n + 1)
    items.append(item)


def list_append_steal(heap, lst, item):
    """``_PyList_AppendTakeRef`` (``LIST_APPEND`` of comprehensions): append, stealing."""
    items = lst.items
    n = len(items)
    if lst.allocated <= n:
        list_resize(heap, lst, n + 1)
    items.append(item)


def list_insert(heap, lst, where, item):
    """``PyList_Insert``/``list.insert`` (``ins1``): resize first, then clamp the index."""
    items = lst.items
    n = len(items)
    list_resize(heap, lst, n + 1)
    if where < 0:
        where += n
        if where < 0:
            where = 0
    if where > n:
        where = n
    item.ob_refcnt += 1
    items.insert(where, item)


def _fast_items(heap, seq, what):
    """``PySequence_Fast`` for an exact list or tuple: its item list (no new object)."""
    tp = seq.ob_type
    if tp is heap.list_type or tp is heap.tuple_type:
        return seq.items
    raise SimulatorBug(f"{what} needs an exact list or tuple here, not {tp.name!r}; "
                       "convert other iterables to a list first as PySequence_Fast does")


def list_extend(heap, lst, seq):
    """``list.extend`` with an exact list or tuple (or ``lst`` itself): the fast path.

    An array-less list gets ``list_preallocate_exact(n)`` (even rounding); otherwise
    ``list_resize(len + n)``.  Other iterables go through ``list_extend_from_iterable``.
    """
    src = _fast_items(heap, seq, "list_extend")
    n = len(src)
    if n == 0:
        return
    items = lst.items
    if lst.buf == 0:
        list_preallocate_exact(heap, lst, n)
    else:
        list_resize(heap, lst, len(items) + n)
    if src is items:
        src = src[:]
    for item in src:
        item.ob_refcnt += 1
    items.extend(src)


def list_extend_from_iterable(heap, lst, iterator, length_hint=8):
    """The generic path of ``list.extend``: preallocate from a length hint, fill, cut back.

    ``iterator`` is a host iterable yielding new references (the guest iterator's
    ``tp_iternext`` results, which are stolen); the caller gets the guest iterator before this
    call and releases it after, as ``list_extend`` does.  ``length_hint`` is
    ``PyObject_LengthHint(iterable, 8)``.
    """
    n = length_hint
    items = lst.items
    if lst.buf == 0:
        if n:
            list_preallocate_exact(heap, lst, n)
    else:
        list_resize(heap, lst, len(items) + n)
    for item in iterator:
        size = len(items)
        if size >= lst.allocated:
            list_resize(heap, lst, size + 1)
        items.append(item)
    if len(items) < lst.allocated:
        list_resize(heap, lst, len(items))


def list_inplace_concat(heap, lst, seq):
    """``lst += seq`` for an exact list or tuple: extend, return a new reference to lst."""
    list_extend(heap, lst, seq)
    lst.ob_refcnt += 1
    return lst


# --- item access -------------------------------------------------------------------------------

def list_getitem(heap, lst, i):
    """``PyList_GetItem``: a borrowed reference; no negative indexes."""
    items = lst.items
    if i < 0 or i >= len(items):
        raise GuestError("IndexError", "list index out of range")
    return items[i]


def list_item_new_ref(heap, lst, i):
    """``lst[i]`` for an int index (``list_subscript`` then ``list_item``): a new reference."""
    items = lst.items
    if i < 0:
        i += len(items)
    if i < 0 or i >= len(items):
        raise GuestError("IndexError", "list index out of range")
    item = items[i]
    item.ob_refcnt += 1
    return item


def list_setitem(heap, lst, i, item):
    """``PyList_SetItem``: store ``item`` (stolen) at i, releasing the previous item."""
    items = lst.items
    if i < 0 or i >= len(items):
        if item is not None:
            heap.decref(item)
        raise GuestError("IndexError", "list assignment index out of range")
    old = items[i]
    items[i] = item
    if old is not None:
        heap.decref(old)


def list_ass_item(heap, lst, i, value):
    """``lst[i] = value`` (``list_ass_subscript`` with an int): value is not stolen.

    A negative index counts from the end; ``value`` None deletes the item.
    """
    items = lst.items
    if i < 0:
        i += len(items)
    if i < 0 or i >= len(items):
        raise GuestError("IndexError", "list assignment index out of range")
    if value is None:
        list_ass_slice(heap, lst, i, i + 1, None)
        return
    value.ob_refcnt += 1
    old = items[i]
    items[i] = value
    heap.decref(old)


def list_del_item(heap, lst, i):
    """``del lst[i]``."""
    list_ass_item(heap, lst, i, None)


# --- shrinking ---------------------------------------------------------------------------------

def list_pop(heap, lst, index=-1):
    """``list.pop(index)``: returns the item (the list's reference passes to the caller)."""
    items = lst.items
    n = len(items)
    if n == 0:
        raise GuestError("IndexError", "pop from empty list")
    if index < 0:
        index += n
    if index < 0 or index >= n:
        raise GuestError("IndexError", "pop index out of range")
    v = items[index]
    if index == n - 1:
        list_resize(heap, lst, n - 1)
        items.pop()
        return v
    v.ob_refcnt += 1
    list_ass_slice(heap, lst, index, index + 1, None)
    return v


def list_clear(heap, lst):
    """``_list_clear`` (``list.clear`` and ``tp_clear``): empty the list first, then release
    the items last to first, then free the array."""
    buf = lst.buf
    if buf:
        items = lst.items
        lst.items = []
        lst.allocated = 0
        lst.buf = 0
        dealloc = heap.dealloc
        i = len(items)
        while i:
            i -= 1
            item = items[i]
            if item is not None:
                rc = item.ob_refcnt - 1
                item.ob_refcnt = rc
                if rc == 0:
                    dealloc(item)
        heap.free(buf)


def list_ass_slice(heap, a, ilow, ihigh, v):
    """``list_ass_slice``: ``a[ilow:ihigh] = v`` (an exact list or tuple, or ``a`` itself), or
    ``del a[ilow:ihigh]`` when v is None.

    As in CPython, the replaced items are copied aside first (into a ``PyMem_Malloc``'ed
    "recycle" array when there are more than 8 of them), the list is resized and refilled, and
    only then are the old items released, last to first, and the recycle array freed.
    """
    if v is not None:
        if v is a:
            copy = _copy_range(heap, a, 0, len(a.items))
            try:
                list_ass_slice(heap, a, ilow, ihigh, copy)
            finally:
                heap.decref(copy)
            return
        vitems = _fast_items(heap, v, "slice assignment")
        n = len(vitems)
    else:
        vitems = ()
        n = 0
    items = a.items
    size = len(items)
    if ilow < 0:
        ilow = 0
    elif ilow > size:
        ilow = size
    if ihigh < ilow:
        ihigh = ilow
    elif ihigh > size:
        ihigh = size
    norig = ihigh - ilow
    d = n - norig
    if size + d == 0:
        list_clear(heap, a)
        return
    recycle = items[ilow:ihigh]
    recycle_buf = 0
    if norig > 8:
        recycle_buf = heap.malloc(norig * POINTER)
    if d != 0:
        list_resize(heap, a, size + d)
    for w in vitems:
        w.ob_refcnt += 1
    items[ilow:ihigh] = vitems
    dealloc = heap.dealloc
    k = norig
    while k:
        k -= 1
        item = recycle[k]
        if item is not None:
            rc = item.ob_refcnt - 1
            item.ob_refcnt = rc
            if rc == 0:
                dealloc(item)
    if recycle_buf:
        heap.free(recycle_buf)


def _copy_range(heap, a, ilow, ihigh):
    """``list_slice`` on already clamped bounds: an exact-size new list."""
    length = ihigh - ilow
    if length <= 0:
        return list_new(heap, 0)
    np = list_new_prealloc(heap, length)
    src = a.items[ilow:ihigh]
    for item in src:
        item.ob_refcnt += 1
    np.items = src
    return np


def list_reverse(heap, lst):
    """``list.reverse``: in place, no allocation."""
    lst.items.reverse()


# --- comparison ---------------------------------------------------------------------------------

def list_eq(heap, a, b):
    """``list_richcompare(a, b, Py_EQ)``: different lengths differ; otherwise items pairwise,
    each pair held by a temporary reference during its comparison."""
    if not b.ob_type.flags & TPFLAGS_LIST_SUBCLASS:
        return NotImplemented
    if len(a.items) != len(b.items):
        return False
    i = 0
    while i < len(a.items) and i < len(b.items):
        x = a.items[i]
        y = b.items[i]
        if x is not y:
            x.ob_refcnt += 1
            y.ob_refcnt += 1
            try:
                same = objects_equal(heap, x, y)
            finally:
                heap.decref(x)
                heap.decref(y)
            if not same:
                return False
        i += 1
    return len(a.items) == len(b.items)


# --- deallocation and the free list --------------------------------------------------------------

def list_dealloc(heap, op):
    """``list_dealloc`` without the trashcan: untrack, release the items last to first, free
    the array, then keep the shell on the free list (exact lists, fewer than 80 there; no count
    change) or ``PyObject_GC_Del`` it."""
    if op.gc_gen >= 0:
        heap.gc.untrack(op)
    buf = op.buf
    if buf:
        items = op.items
        dealloc = heap.dealloc
        i = len(items)
        while i:
            i -= 1
            item = items[i]
            if item is not None:
                rc = item.ob_refcnt - 1
                item.ob_refcnt = rc
                if rc == 0:
                    dealloc(item)
        heap.free(buf)
    op.items = None
    op.buf = 0
    op.allocated = 0
    free = heap.list_freelist
    if len(free) < heap.list_freelist_max and op.ob_type is heap.list_type:
        free.append(op)
    else:
        heap.gc_del(op)


def list_clear_freelist(heap):
    """``_PyList_ClearFreeList`` (full collections): ``PyObject_GC_Del`` each shell, the most
    recently freed first; each also decrements generation 0's count."""
    free = heap.list_freelist
    while free:
        heap.gc_del(free.pop())

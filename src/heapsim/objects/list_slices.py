"""List operations that make new lists from old ones, and slice assignment with a step.

Every new list here is ``list_new_prealloc`` (``PyList_New(0)``, which may take a shell from
the free list, then an item array of exactly the needed size) or ``PyList_New(0)`` when the
result is empty: slices, ``copy()``, ``l + m`` and ``l * n`` never over-allocate.
Extended-slice deletion and assignment copy the displaced items into a temporary
``PyMem_Malloc`` array before releasing them, as ``list_ass_subscript`` does; the temporary
is allocated and freed here too, so pymalloc's block reuse comes out as CPython's.
"""

from heapsim.base.errors import GuestError
from heapsim.objects.core import TPFLAGS_LIST_SUBCLASS
from heapsim.objects.listobject import (
    POINTER, _copy_range, _fast_items, list_ass_slice, list_clear, list_new, list_new_prealloc,
    list_resize,
)


def list_slice(heap, a, ilow, ihigh):
    """``PyList_GetSlice``: bounds clamped to the list, a new exact-size list."""
    size = len(a.items)
    if ilow < 0:
        ilow = 0
    elif ilow > size:
        ilow = size
    if ihigh < ilow:
        ihigh = ilow
    elif ihigh > size:
        ihigh = size
    return _copy_range(heap, a, ilow, ihigh)


def list_copy(heap, a):
    """``list.copy()`` and ``a[:]``."""
    return _copy_range(heap, a, 0, len(a.items))


def list_subscript_slice(heap, a, start, stop, step, slicelength):
    """``a[slice]`` (``list_subscript``) with indices adjusted by ``slice_adjust_indices``."""
    if slicelength <= 0:
        return list_new(heap, 0)
    if step == 1:
        return _copy_range(heap, a, start, stop)
    np = list_new_prealloc(heap, slicelength)
    src = a.items
    chosen = [src[start + k * step] for k in range(slicelength)]
    for item in chosen:
        item.ob_refcnt += 1
    np.items = chosen
    return np


def list_concat(heap, a, b):
    """``a + b`` (``list_concat``); b must be a list."""
    if not b.ob_type.flags & TPFLAGS_LIST_SUBCLASS:
        raise GuestError("TypeError", "can only concatenate list (not \"%s\") to list"
                         % b.ob_type.name)
    size = len(a.items) + len(b.items)
    if size == 0:
        return list_new(heap, 0)
    np = list_new_prealloc(heap, size)
    items = a.items + b.items
    for item in items:
        item.ob_refcnt += 1
    np.items = items
    return np


def list_repeat(heap, a, n):
    """``a * n`` (``list_repeat``): exact size; each item gains n references at once."""
    if n < 0:
        n = 0
    size = len(a.items) * n
    if size == 0:
        return list_new(heap, 0)
    np = list_new_prealloc(heap, size)
    for item in a.items:
        item.ob_refcnt += n
    np.items = a.items * n
    return np


def list_inplace_repeat(heap, lst, n):
    """``lst *= n`` (``list_inplace_repeat``): ``list_resize`` to the product, then copies.

    Returns a new reference to ``lst``.
    """
    size = len(lst.items)
    if size == 0 or n == 1:
        lst.ob_refcnt += 1
        return lst
    if n < 1:
        list_clear(heap, lst)
        lst.ob_refcnt += 1
        return lst
    list_resize(heap, lst, size * n)
    items = lst.items
    for item in items:
        item.ob_refcnt += n - 1
    items *= n
    lst.ob_refcnt += 1
    return lst


def list_ass_subscript_slice(heap, lst, start, stop, step, slicelength, value):
    """``lst[slice] = value`` / ``del lst[slice]`` (value None) with adjusted indices.

    A step of 1 is ``list_ass_slice``.  Otherwise, as ``list_ass_subscript``: deletion moves
    the kept items down, ``list_resize``s to the new length and then releases the removed
    items in slice order; assignment needs a sequence of exactly ``slicelength`` items (an
    exact list or tuple, or ``lst`` itself, which is copied first) and releases the replaced
    items in slice order.  Both hold the displaced items in a temporary ``PyMem_Malloc`` array.
    """
    if step == 1:
        list_ass_slice(heap, lst, start, stop, value)
        return
    if (step < 0 and start < stop) or (step > 0 and start > stop):
        stop = start
    if value is None:
        if slicelength <= 0:
            return
        if step < 0:
            stop = start + 1
            start = stop + step * (slicelength - 1) - 1
            step = -step
        garbage_buf = heap.malloc(slicelength * POINTER)
        items = lst.items
        garbage = items[start:stop:step]
        del items[start:stop:step]
        list_resize(heap, lst, len(items))
        _release_in_order(heap, garbage)
        heap.free(garbage_buf)
        return
    copy = None
    if value is lst:
        copy = _copy_range(heap, lst, 0, len(lst.items))
        seq = copy.items
    else:
        seq = _fast_items(heap, value, "extended slice assignment")
    try:
        if len(seq) != slicelength:
            raise GuestError("ValueError", "attempt to assign sequence of size %d to extended "
                             "slice of size %d" % (len(seq), slicelength))
        if not slicelength:
            return
        garbage_buf = heap.malloc(slicelength * POINTER)
        items = lst.items
        garbage = []
        cur = start
        for ins in seq:
            garbage.append(items[cur])
            ins.ob_refcnt += 1
            items[cur] = ins
            cur += step
        _release_in_order(heap, garbage)
        heap.free(garbage_buf)
    finally:
        if copy is not None:
            heap.decref(copy)


def _release_in_order(heap, objs):
    for obj in objs:
        heap.decref(obj)

"""The methods of ``list`` and ``tuple`` and their constructors (Objects/listobject.c,
Objects/tupleobject.c), plus ``sorted``'s and ``list.sort``'s sorting.

Sorting uses the host's own ``list.sort`` (the same timsort as CPython 3.11's), so the guest
sees the same sequence of ``<`` comparisons; keys that are all exact ints, floats or strs are
compared on the host directly, which gives the same order.
"""

import functools

from heapsim.objects.core import add_methods
from heapsim.base.errors import GuestError
from heapsim.interp.methods.args import as_index, as_ssize, incref, opt_none
from heapsim.interp.methods.clinic import (
    METH_FASTCALL, METH_KEYWORDS, METH_NOARGS, METH_O, builtin,
)
from heapsim.objects import listobject as lo
from heapsim.objects.list_slices import list_copy as list_copy_object
from heapsim.objects.rangeobject import rangeiter_length_hint
from heapsim.objects.tupleobject import tuple_from_iterable, tuple_from_list

_ssize_max = (1 << 63) - 1


def extend_list(sp, lst, iterable):
    """``list_extend``: the fast path for exact lists/tuples, else iterate with a length
    hint."""
    heap = sp.heap
    tp = iterable.ob_type
    if tp is heap.list_type or tp is heap.tuple_type:
        lo.list_extend(heap, lst, iterable)
        return
    it = sp.iter(iterable)
    try:
        hint = sp.len_or_none(iterable)
        if hint is None:
            hint = length_hint(sp, it, 8)
        lo.list_extend_from_iterable(heap, lst, sp.interp._host_iter(it), hint)
    finally:
        heap.decref(it)


def length_hint(sp, it, default):
    """``PyObject_LengthHint`` of an iterator object (its ``__length_hint__``)."""
    h = sp.heap
    tp = it.ob_type
    name = tp.name
    if name in ("list_iterator", "tuple_iterator"):
        seq = it.seq
        return max(0, len(seq.items) - it.index) if seq is not None else 0
    if name == "list_reverseiterator":
        seq = it.seq
        return it.index + 1 if seq is not None and it.index < len(seq.items) else 0
    if name == "str_ascii_iterator":
        seq = it.seq
        return max(0, len(seq.value) - it.index) if seq is not None else 0
    if name in ("dict_keyiterator", "dict_valueiterator", "dict_itemiterator"):
        seq = it.seq
        return seq.ma_used - getattr(it, "count", 0) if seq is not None else 0
    if tp is h.range_iterator_type or tp is h.longrange_iterator_type:
        return rangeiter_length_hint(it)
    if tp is h.set_iterator_type:
        s = it.si_set if hasattr(it, "si_set") else None
        if s is not None and hasattr(it, "len"):
            return it.len
        return default
    return default


# --- list ---------------------------------------------------------------------------------------

@builtin("list(iterable=(), /)", METH_FASTCALL, exact_kw=lambda sp: sp.heap.list_type)
def list_vectorcall(sp, tp, iterable=None):
    """``list(...)`` (``list_vectorcall``; a subclass's ``list___init__`` takes keywords)."""
    lst = lo.list_new_generic(sp.heap)
    if iterable is not None:
        try:
            extend_list(sp, lst, iterable)
        except BaseException:
            sp.heap.decref(lst)
            raise
    return lst


@builtin("list.append($self, object, /)", METH_O)
def list_append(sp, lst, obj):
    lo.list_append(sp.heap, lst, obj)
    return sp.none()


@builtin("list.extend($self, iterable, /)", METH_O)
def list_extend(sp, lst, x):
    if sp.len_or_none(x) is None:
        try:
            it = sp.iter(x)
        except GuestError as e:
            if e.kind == "TypeError":
                raise GuestError("TypeError", f"'{x.ob_type.name}' object is not iterable") \
                    from None
            raise
        sp.heap.decref(it)
    extend_list(sp, lst, x)
    return sp.none()


@builtin("list.insert($self, index, object, /)", METH_FASTCALL)
def list_insert(sp, lst, index, obj):
    lo.list_insert(sp.heap, lst, as_ssize(sp, index), obj)
    return sp.none()


@builtin("list.pop($self, index=-1, /)", METH_FASTCALL)
def list_pop(sp, lst, index=None):
    return lo.list_pop(sp.heap, lst, -1 if index is None else as_ssize(sp, index))


def _find(sp, seq, x, start=0, stop=_ssize_max):
    items = seq.items
    n = len(items)
    if start < 0:
        start = max(0, start + n)
    if stop < 0:
        stop = max(0, stop + n)
    i = start
    heap = sp.heap
    while i < stop and i < len(items):
        y = items[i]
        if y is x:
            return i
        y.ob_refcnt += 1
        try:
            if sp.eq(y, x):
                return i
        finally:
            heap.decref(y)
        i += 1
    return -1


def _index_bounds(sp, start, stop):
    what = "slice indices must be integers or have an __index__ method"
    return (0 if start is None else as_ssize(sp, start, what),
            _ssize_max if stop is None else as_ssize(sp, stop, what))


@builtin("list.index($self, value, start=0, stop=sys.maxsize, /)", METH_FASTCALL)
def list_index(sp, lst, value, start=None, stop=None):
    i = _find(sp, lst, value, *_index_bounds(sp, start, stop))
    if i < 0:
        raise GuestError("ValueError", f"{sp.repr_host(value)} is not in list")
    return sp.newint(i)


def _count(sp, seq, x):
    heap = sp.heap
    n = 0
    items = seq.items
    i = 0
    while i < len(items):
        y = items[i]
        i += 1
        if y is x:
            n += 1
            continue
        y.ob_refcnt += 1
        try:
            if sp.eq(y, x):
                n += 1
        finally:
            heap.decref(y)
    return sp.newint(n)


list_count = builtin("list.count($self, value, /)", METH_O)(_count)
tuple_count = builtin("tuple.count($self, value, /)", METH_O)(_count)


@builtin("list.remove($self, value, /)", METH_O)
def list_remove(sp, lst, value):
    i = _find(sp, lst, value)
    if i < 0:
        raise GuestError("ValueError", "list.remove(x): x not in list")
    lo.list_ass_slice(sp.heap, lst, i, i + 1, None)
    return sp.none()


@builtin("list.clear($self, /)", METH_NOARGS)
def list_clear(sp, lst):
    lo.list_clear(sp.heap, lst)
    return sp.none()


@builtin("list.copy($self, /)", METH_NOARGS)
def list_copy(sp, lst):
    return list_copy_object(sp.heap, lst)


@builtin("list.reverse($self, /)", METH_NOARGS)
def list_reverse(sp, lst):
    lo.list_reverse(sp.heap, lst)
    return sp.none()


def sort_list(sp, lst, key, reverse):
    """``list.sort(key=..., reverse=...)`` in place: during the sort the list is empty, as in
    CPython; afterwards it holds the same references in sorted order."""
    heap = sp.heap
    items = lst.items
    saved = list(items)
    n = len(saved)
    if n < 2 and key is None:
        return
    del items[:]
    keys = None
    try:
        if key is not None:
            keys = []
            for x in saved:
                keys.append(sp.call(key, [x], None))
        else:
            keys = saved
        if n >= 2:
            order = _sorted_order(sp, keys, reverse)
            saved = [saved[i] for i in order]
    finally:
        if key is not None and keys is not None:
            for k in keys:
                heap.decref(k)
        modified = len(items) != 0
        if modified:
            junk = list(items)
            del items[:]
        items.extend(saved)
        if modified:
            for o in junk:
                heap.decref(o)
    if modified:
        raise GuestError("ValueError", "list modified during sort")


_FAST_TYPES = None


def _sorted_order(sp, keys, reverse):
    h = sp.heap
    n = len(keys)
    order = list(range(n))
    tp0 = keys[0].ob_type
    if (tp0 is h.int_type or tp0 is h.str_type or tp0 is h.float_type) and all(
            k.ob_type is tp0 for k in keys):
        vals = [k.value for k in keys]
        if tp0 is not h.float_type or not any(v != v for v in vals):
            if reverse:
                order.reverse()
            order.sort(key=vals.__getitem__)
            if reverse:
                order.reverse()
            return order
    lt = sp.lt

    class K:
        __slots__ = ("i",)

        def __init__(self, i):
            self.i = i

        def __lt__(self, other):
            return lt(keys[self.i], keys[other.i])

    if reverse:
        order.reverse()
    order.sort(key=K)
    if reverse:
        order.reverse()
    return order


def _sort_options(sp, key, reverse):
    key = opt_none(sp, key)
    rev = False
    if reverse is not None:
        if reverse.ob_type is sp.heap.float_type:
            raise GuestError("TypeError", "'float' object cannot be interpreted as an integer")
        rev = bool(as_index(sp, reverse))
    return key, rev


@builtin("list.sort($self, /, *, key=None, reverse=False)", METH_FASTCALL | METH_KEYWORDS)
def list_sort(sp, lst, key=None, reverse=None):
    sort_list(sp, lst, *_sort_options(sp, key, reverse))
    return sp.none()


@builtin("sorted(iterable, /, *, key=None, reverse=False)", METH_FASTCALL | METH_KEYWORDS,
         unpack=True, parser="list.sort", fname="sort")
def builtin_sorted(sp, self, iterable, key=None, reverse=None):
    """``sorted``: ``_PyArg_UnpackStack`` for the iterable, the keywords passed on to the new
    list's ``sort`` (its parser)."""
    heap = sp.heap
    key, rev = _sort_options(sp, key, reverse)
    lst = lo.list_new(heap, 0)       # PySequence_List: PyList_New(0) then list_extend
    try:
        extend_list(sp, lst, iterable)
        sort_list(sp, lst, key, rev)
    except BaseException:
        heap.decref(lst)
        raise
    return lst


# --- tuple ------------------------------------------------------------------------------------

@builtin("tuple(iterable=(), /)", METH_FASTCALL, exact_kw=lambda sp: sp.heap.tuple_type)
def tuple_vectorcall(sp, tp, iterable=None):
    heap = sp.heap
    if iterable is None:
        return incref(heap.empty_tuple)
    x = iterable
    if x.ob_type is heap.tuple_type:
        return incref(x)
    if x.ob_type is heap.list_type:
        return tuple_from_list(heap, x)
    it = sp.iter(x)
    try:
        hint = sp.len_or_none(x)
        if hint is None:
            hint = length_hint(sp, it, 10)
        return tuple_from_iterable(heap, sp.interp._host_iter(it), hint)
    finally:
        heap.decref(it)


@builtin("tuple.index($self, value, start=0, stop=sys.maxsize, /)", METH_FASTCALL)
def tuple_index(sp, t, value, start=None, stop=None):
    i = _find(sp, t, value, *_index_bounds(sp, start, stop))
    if i < 0:
        raise GuestError("ValueError", "tuple.index(x): x not in tuple")
    return sp.newint(i)


LIST_METHODS = {
    "append": list_append, "extend": list_extend, "insert": list_insert, "pop": list_pop,
    "remove": list_remove, "index": list_index, "count": list_count, "clear": list_clear,
    "copy": list_copy, "reverse": list_reverse, "sort": list_sort,
}
TUPLE_METHODS = {"index": tuple_index, "count": tuple_count}


def install(sp):
    add_methods(sp.heap.list_type, LIST_METHODS)
    add_methods(sp.heap.tuple_type, TUPLE_METHODS)
    sp.heap.list_type.tp_vectorcall = list_vectorcall
    sp.heap.tuple_type.tp_vectorcall = tuple_vectorcall

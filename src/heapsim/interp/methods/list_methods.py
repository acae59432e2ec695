"""The methods of ``list`` and ``tuple`` and their constructors (Objects/listobject.c,
Objects/tupleobject.c), plus ``sorted``'s and ``list.sort``'s sorting.

Sorting uses the host's own ``list.sort`` (the same timsort as CPython 3.11's), so the guest
sees the same sequence of ``<`` comparisons; keys that are all exact ints, floats or strs are
compared on the host directly, which gives the same order.
"""

import functools

from heapsim.objects.core import add_methods
from heapsim.base.errors import GuestError
from heapsim.interp.methods.args import as_ssize, clinic_arity, incref, no_kw, opt_none, parse
from heapsim.objects.list_slices import list_copy
from heapsim.objects.listobject import (
    list_append, list_ass_slice, list_clear, list_extend, list_extend_from_iterable,
    list_insert, list_new, list_new_generic, list_pop, list_reverse,
)
from heapsim.objects.tupleobject import tuple_from_iterable, tuple_from_list

_ssize_max = (1 << 63) - 1


def extend_list(sp, lst, iterable):
    """``list_extend``: the fast path for exact lists/tuples, else iterate with a length
    hint."""
    heap = sp.heap
    tp = iterable.ob_type
    if tp is heap.list_type or tp is heap.tuple_type:
        list_extend(heap, lst, iterable)
        return
    it = sp.iter(iterable)
    try:
        hint = sp.len_or_none(iterable)
        if hint is None:
            hint = length_hint(sp, it, 8)
        list_extend_from_iterable(heap, lst, sp.interp._host_iter(it), hint)
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
        from heapsim.objects.rangeobject import rangeiter_length_hint
        return rangeiter_length_hint(it)
    if tp is h.set_iterator_type:
        s = it.si_set if hasattr(it, "si_set") else None
        if s is not None and hasattr(it, "len"):
            return it.len
        return default
    return default


# --- list ---------------------------------------------------------------------------------------

def c_list(sp, tp, args, kw):
    if kw and tp is sp.heap.list_type:
        raise GuestError("TypeError", "list() takes no keyword arguments")
    clinic_arity("list", args, 0, 1)
    lst = list_new_generic(sp.heap)
    if args:
        try:
            extend_list(sp, lst, args[0])
        except BaseException:
            sp.heap.decref(lst)
            raise
    return lst


def l_append(sp, lst, args, kw):
    if len(args) != 1 or kw:
        no_kw("list.append", kw)
        raise GuestError("TypeError", f"list.append() takes exactly one argument "
                         f"({len(args)} given)")
    list_append(sp.heap, lst, args[0])
    return sp.none()


def l_extend(sp, lst, args, kw):
    no_kw("list.extend", kw)
    if len(args) != 1:
        raise GuestError("TypeError", f"list.extend() takes exactly one argument "
                         f"({len(args)} given)")
    x = args[0]
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


def l_insert(sp, lst, args, kw):
    no_kw("insert", kw)
    clinic_arity("insert", args, 2, 2)
    list_insert(sp.heap, lst, as_ssize(sp, args[0]), args[1])
    return sp.none()


def l_pop(sp, lst, args, kw):
    no_kw("pop", kw)
    clinic_arity("pop", args, 0, 1)
    i = as_ssize(sp, args[0]) if args else -1
    return list_pop(sp.heap, lst, i)


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


def _index_args(sp, name, args):
    clinic_arity(name, args, 1, 3)
    start, stop = 0, _ssize_max
    what = "slice indices must be integers or have an __index__ method"
    if len(args) > 1:
        start = as_ssize(sp, args[1], what)
    if len(args) > 2:
        stop = as_ssize(sp, args[2], what)
    return start, stop


def l_index(sp, lst, args, kw):
    no_kw("index", kw)
    start, stop = _index_args(sp, "index", args)
    i = _find(sp, lst, args[0], start, stop)
    if i < 0:
        raise GuestError("ValueError", f"{sp.repr_host(args[0])} is not in list")
    return sp.newint(i)


def l_count(sp, seq, args, kw):
    no_kw("count", kw)
    clinic_arity("count", args, 1, 1, seq)
    x = args[0]
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


def l_remove(sp, lst, args, kw):
    no_kw("remove", kw)
    if len(args) != 1:
        raise GuestError("TypeError", f"list.remove() takes exactly one argument "
                         f"({len(args)} given)")
    i = _find(sp, lst, args[0])
    if i < 0:
        raise GuestError("ValueError", "list.remove(x): x not in list")
    list_ass_slice(sp.heap, lst, i, i + 1, None)
    return sp.none()


def l_clear(sp, lst, args, kw):
    clinic_arity("clear", args, 0, 0, lst)
    list_clear(sp.heap, lst)
    return sp.none()


def l_copy(sp, lst, args, kw):
    clinic_arity("copy", args, 0, 0, lst)
    return list_copy(sp.heap, lst)


def l_reverse(sp, lst, args, kw):
    clinic_arity("reverse", args, 0, 0, lst)
    list_reverse(sp.heap, lst)
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


def _sort_kw(sp, kw, name):
    key = reverse = None
    if kw:
        from heapsim.interp.methods.args import kw_parser
        kw_parser(sp, "list.sort", ("key", "reverse"))
        for k, v in kw.items():
            if k == "key":
                key = v
            elif k == "reverse":
                reverse = v
            else:
                raise GuestError("TypeError", f"'{k}' is an invalid keyword argument for "
                                 f"{name}()")
    key = opt_none(sp, key)
    rev = False
    if reverse is not None:
        from heapsim.interp.methods.args import as_index
        if reverse.ob_type is sp.heap.float_type:
            raise GuestError("TypeError", "'float' object cannot be interpreted as an integer")
        rev = bool(as_index(sp, reverse))
    return key, rev


def l_sort(sp, lst, args, kw):
    if args:
        raise GuestError("TypeError", "sort() takes no positional arguments")
    key, rev = _sort_kw(sp, kw, "sort")
    sort_list(sp, lst, key, rev)
    return sp.none()


def b_sorted(sp, self, args, kw):
    if len(args) != 1:
        if not args:
            raise GuestError("TypeError", "sorted expected 1 argument, got 0")
        raise GuestError("TypeError", f"sorted expected 1 argument, got {len(args)}")
    heap = sp.heap
    key, rev = _sort_kw(sp, kw, "sort")
    lst = list_new(heap, 0)       # PySequence_List: PyList_New(0) then list_extend
    try:
        extend_list(sp, lst, args[0])
        sort_list(sp, lst, key, rev)
    except BaseException:
        heap.decref(lst)
        raise
    return lst


# --- tuple ------------------------------------------------------------------------------------

def c_tuple(sp, tp, args, kw):
    heap = sp.heap
    if kw and tp is heap.tuple_type:
        raise GuestError("TypeError", "tuple() takes no keyword arguments")
    clinic_arity("tuple", args, 0, 1)
    if not args:
        return incref(heap.empty_tuple)
    x = args[0]
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


def t_index(sp, t, args, kw):
    no_kw("index", kw)
    start, stop = _index_args(sp, "index", args)
    i = _find(sp, t, args[0], start, stop)
    if i < 0:
        raise GuestError("ValueError", "tuple.index(x): x not in tuple")
    return sp.newint(i)


LIST_METHODS = {
    "append": l_append, "extend": l_extend, "insert": l_insert, "pop": l_pop,
    "remove": l_remove, "index": l_index, "count": l_count, "clear": l_clear, "copy": l_copy,
    "reverse": l_reverse, "sort": l_sort,
}
TUPLE_METHODS = {"index": t_index, "count": l_count}


def install(sp):
    add_methods(sp.heap.list_type, LIST_METHODS)
    add_methods(sp.heap.tuple_type, TUPLE_METHODS)
    sp.heap.list_type.tp_vectorcall = c_list
    sp.heap.tuple_type.tp_vectorcall = c_tuple

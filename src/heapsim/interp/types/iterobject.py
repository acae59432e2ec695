"""Iterator objects the interpreter needs that the object model does not have yet:
``list_iterator``, ``tuple_iterator``, ``str_ascii_iterator``, the dict iterators, dict views,
``enumerate``, ``zip``, ``reversed`` and ``map``/``filter``.

Each is a GC object with CPython's struct size.  ``IterObject.seq`` is the object iterated
(or a host tuple of sub-iterators for zip/map), ``index`` the position, ``result`` the cached
result tuple that dict item iterators, ``enumerate`` and ``zip`` reuse when nobody else holds it.
Each iterator type's ``tp_iternext(sp, it)`` (a new reference, or None when exhausted) is
defined here; the range, set and generator iterators get theirs from ``install_iternext``.
"""

from heapsim.base.errors import GuestError
from heapsim.objects.core import GCObject, TPFLAGS_HAVE_GC, UNTRACKED, make_static_type
from heapsim.objects.dictobject import dict_next
from heapsim.objects.rangeobject import rangeiter_next
from heapsim.objects.setobject import setiter_next
from heapsim.objects.tupleobject import tuple_new
from heapsim.objects.unicodeobject import str_char


class IterObject(GCObject):
    __slots__ = ("seq", "index", "result", "extra", "used")


class ViewObject(GCObject):
    __slots__ = ("dict",)


def _iter_traverse(it):
    out = []
    seq = it.seq
    if isinstance(seq, tuple):
        out.extend(seq)
    elif seq is not None:
        out.append(seq)
    if it.result is not None:
        out.append(it.result)
    if it.extra is not None:
        out.append(it.extra)
    return out


def _iter_dealloc(heap, it):
    heap.gc.untrack(it)
    seq = it.seq
    it.seq = None
    if isinstance(seq, tuple):
        for s in seq:
            heap.decref(s)
    elif seq is not None:
        heap.decref(seq)
    heap.xdecref(it.result)
    it.result = None
    heap.xdecref(it.extra)
    it.extra = None
    heap.gc_del(it)


def _view_traverse(v):
    return [v.dict] if v.dict is not None else []


def _view_dealloc(heap, v):
    heap.gc.untrack(v)
    d = v.dict
    v.dict = None
    heap.xdecref(d)
    heap.gc_del(v)


# name -> sizeof the C struct
ITER_TYPES = {
    "list_iterator": 32, "list_reverseiterator": 32, "tuple_iterator": 32,
    "str_ascii_iterator": 32, "dict_keyiterator": 56, "dict_valueiterator": 56,
    "dict_itemiterator": 56, "enumerate": 56, "zip": 48, "reversed": 32, "map": 32,
    "filter": 32, "callable_iterator": 32, "bytes_iterator": 32, "bytearray_iterator": 32,
}
VIEW_TYPES = ("dict_keys", "dict_values", "dict_items")


def init_iter_types(heap):
    types = {}
    for name, size in ITER_TYPES.items():
        tp = make_static_type(name, size, 0, TPFLAGS_HAVE_GC, base=heap.object_type,
                              dealloc=_iter_dealloc, traverse=_iter_traverse)
        heap.register_static_type(tp)
        tp.tp_iternext = ITERNEXT[name]
        types[name] = tp
    for name in VIEW_TYPES:
        tp = make_static_type(name, 24, 0, TPFLAGS_HAVE_GC, base=heap.object_type,
                              dealloc=_view_dealloc, traverse=_view_traverse)
        heap.register_static_type(tp)
        types[name] = tp
    return types


def new_iter(heap, tp, seq, index=0, extra=None):
    """A new tracked iterator of type tp over seq (a reference to seq is taken: the caller's
    reference moves in)."""
    addr = heap.gc_alloc(tp, tp.basicsize)
    it = IterObject.__new__(IterObject)
    it.ob_refcnt = 1
    it.ob_type = tp
    it.addr = addr
    it.gc_gen = UNTRACKED
    it.gc_refs = 0
    it.gc_flags = 0
    it.seq = seq
    it.index = index
    it.result = None
    it.extra = extra
    it.used = 0
    if tp.tp_iternext is _dictitem_next or tp.tp_iternext is _enum_next:
        # dictiter_new / enum_new make the reusable (None, None) result tuple up front
        none = heap.none
        res = tuple_new(heap, 2)
        none.ob_refcnt += 2
        res.items[0] = none
        res.items[1] = none
        it.result = res
    heap.gc.track(it)
    return it


def new_view(heap, tp, d):
    addr = heap.gc_alloc(tp, tp.basicsize)
    v = ViewObject.__new__(ViewObject)
    v.ob_refcnt = 1
    v.ob_type = tp
    v.addr = addr
    v.gc_gen = UNTRACKED
    v.gc_refs = 0
    v.gc_flags = 0
    d.ob_refcnt += 1
    v.dict = d
    heap.gc.track(v)
    return v


# --- tp_iternext ---------------------------------------------------------------------------

def _exhausted(heap, it):
    seq = it.seq
    it.seq = None
    heap.decref(seq)


def _seq_next(sp, it):
    """``listiter_next`` / ``tupleiter_next`` (the loop's FOR_ITER_LIST/TUPLE call
    ``seqiter_next`` directly)."""
    return seqiter_next(sp.heap, it)


def _list_reverse_next(sp, it):
    seq = it.seq
    if seq is None:
        return None
    i = it.index
    if 0 <= i < len(seq.items):
        it.index = i - 1
        o = seq.items[i]
        o.ob_refcnt += 1
        return o
    it.index = -1
    _exhausted(sp.heap, it)
    return None


def _str_next(sp, it):
    seq = it.seq
    if seq is None:
        return None
    i = it.index
    if i < len(seq.value):
        it.index = i + 1
        return str_char(sp.heap, ord(seq.value[i]))
    _exhausted(sp.heap, it)
    return None


def _bytes_next(sp, it):
    seq = it.seq
    if seq is None:
        return None
    i = it.index
    data = seq.value
    if i < len(data):
        it.index = i + 1
        return sp.newint(data[i])
    _exhausted(sp.heap, it)
    return None


def _dict_step(heap, it):
    """The next (key, value) of a dict iterator (borrowed), or None at the end (the dict is
    released then)."""
    seq = it.seq
    if seq is None:
        return None
    if seq.ma_used != it.used:
        it.used = -1
        raise GuestError("RuntimeError", "dictionary changed size during iteration")
    r = dict_next(seq, it.index)
    if r is None:
        _exhausted(heap, it)
        return None
    it.index = r[0]
    return r[1], r[2]


def _dictkey_next(sp, it):
    kv = _dict_step(sp.heap, it)
    if kv is None:
        return None
    kv[0].ob_refcnt += 1
    return kv[0]


def _dictvalue_next(sp, it):
    kv = _dict_step(sp.heap, it)
    if kv is None:
        return None
    kv[1].ob_refcnt += 1
    return kv[1]


def _dictitem_next(sp, it):
    kv = _dict_step(sp.heap, it)
    if kv is None:
        return None
    k, v = kv
    k.ob_refcnt += 1
    v.ob_refcnt += 1
    return reuse_pair(sp, it, k, v)


def reuse_pair(sp, it, a, b):
    """The (a, b) result tuple, reusing the iterator's cached one when only it holds it
    (dictiter_iternextitem, enum_next); a and b are new references that move in."""
    h = sp.heap
    res = it.result
    if res is not None and res.ob_refcnt == 1:
        res.ob_refcnt += 1
        old0, old1 = res.items
        res.items[0] = a
        res.items[1] = b
        h.decref(old0)
        h.decref(old1)
        if res.gc_gen < 0:
            h.gc.track(res)
        return res
    t = sp.newtuple([a, b])
    if res is None:
        t.ob_refcnt += 1
        it.result = t
    return t


def _enum_next(sp, it):
    seq = it.seq
    if seq is None:
        return None
    item = sp.next(seq)
    if item is None:
        return None
    idx = sp.newint(it.index)
    it.index += 1
    return reuse_pair(sp, it, idx, item)


def _zip_next(sp, it):
    seq = it.seq
    if seq is None:
        return None
    if it.used == 1:
        return _zip_strict_next(sp, it)
    h = sp.heap
    items = []
    for sub in seq:
        x = sp.next(sub)
        if x is None:
            for y in items:
                h.decref(y)
            return None
        items.append(x)
    res = it.result
    if res is not None and res.ob_refcnt == 1 and len(items) > 0:
        res.ob_refcnt += 1
        old = list(res.items)
        res.items[:] = items
        for o in old:
            h.decref(o)
        if res.gc_gen < 0:
            h.gc.track(res)
        return res
    return sp.newtuple(items)


def _zip_strict_next(sp, it):
    heap = sp.heap
    items = []
    for i, sub in enumerate(it.seq):
        x = sp.next(sub)
        if x is None:
            for y in items:
                heap.decref(y)
            if i:
                plural = " " if i == 1 else "s 1-"
                raise GuestError("ValueError", f"zip() argument {i + 1} is shorter than "
                                 f"argument{plural}{i}")
            for j, other in enumerate(it.seq[1:], 2):
                y = sp.next(other)
                if y is not None:
                    heap.decref(y)
                    plural = " " if j == 2 else "s 1-"
                    raise GuestError("ValueError", f"zip() argument {j} is longer than "
                                     f"argument{plural}{j - 1}")
            return None
        items.append(x)
    return sp.newtuple(items)


def _map_next(sp, it):
    seq = it.seq
    if seq is None:
        return None
    h = sp.heap
    args = []
    for sub in seq:
        x = sp.next(sub)
        if x is None:
            for y in args:
                h.decref(y)
            return None
        args.append(x)
    try:
        return sp.call(it.extra, args, None)
    finally:
        for y in args:
            h.decref(y)


def _filter_next(sp, it):
    seq = it.seq
    if seq is None:
        return None
    h = sp.heap
    func = it.extra
    while True:
        x = sp.next(seq)
        if x is None:
            return None
        if func is None or func is h.none:
            ok = sp.truth(x)
        else:
            r = sp.call(func, [x], None)
            ok = sp.truth(r)
            h.decref(r)
        if ok:
            return x
        h.decref(x)


def _reversed_next(sp, it):
    """``reversed_next``: seq[index] while index >= 0; IndexError/StopIteration end it."""
    seq = it.seq
    if seq is None:
        return None
    heap = sp.heap
    i = it.index
    if i >= 0:
        key = sp.newint(i)
        try:
            item = sp.getitem(seq, key)
        except GuestError as e:
            if e.kind not in ("IndexError", "StopIteration"):
                raise
            item = None
        finally:
            heap.decref(key)
        if item is not None:
            it.index = i - 1
            return item
    it.index = -1
    _exhausted(heap, it)
    return None


def _callable_next(sp, it):
    """``calliter_iternext``: call until the sentinel (or StopIteration)."""
    seq = it.seq
    if seq is None:
        return None
    heap = sp.heap
    try:
        r = sp.call(seq, [], None)
    except GuestError as e:
        if e.kind == "StopIteration":
            _exhausted(heap, it)
            return None
        raise
    if sp.eq(r, it.extra):
        heap.decref(r)
        _exhausted(heap, it)
        sentinel = it.extra
        it.extra = None
        heap.decref(sentinel)
        return None
    return r


ITERNEXT = {
    "list_iterator": _seq_next, "tuple_iterator": _seq_next,
    "list_reverseiterator": _list_reverse_next, "str_ascii_iterator": _str_next,
    "dict_keyiterator": _dictkey_next, "dict_valueiterator": _dictvalue_next,
    "dict_itemiterator": _dictitem_next, "enumerate": _enum_next, "zip": _zip_next,
    "reversed": _reversed_next, "map": _map_next, "filter": _filter_next,
    "callable_iterator": _callable_next, "bytes_iterator": _bytes_next,
    "bytearray_iterator": _bytes_next,
}


def _range_next(sp, it):
    return rangeiter_next(sp.heap, it)


def _set_next(sp, it):
    return setiter_next(sp.heap, it)


def install_iternext(heap):
    """The ``tp_iternext`` of the object model's range and set iterators."""
    heap.range_iterator_type.tp_iternext = _range_next
    heap.longrange_iterator_type.tp_iternext = _range_next
    heap.set_iterator_type.tp_iternext = _set_next


def seqiter_next(heap, it):
    """``tp_iternext`` of ``list_iterator`` and ``tuple_iterator`` (``listiter_next``,
    ``tupleiter_next``): the next item (a new reference), or None once exhausted, when the
    iterator drops its sequence."""
    seq = it.seq
    if seq is None:
        return None
    index = it.index
    items = seq.items
    if index < len(items):
        it.index = index + 1
        o = items[index]
        o.ob_refcnt += 1
        return o
    it.seq = None
    heap.decref(seq)
    return None

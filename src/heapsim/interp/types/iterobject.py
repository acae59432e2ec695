"""Iterator objects the interpreter needs that the object model does not have yet:
``list_iterator``, ``tuple_iterator``, ``str_ascii_iterator``, the dict iterators, dict views,
``enumerate``, ``zip``, ``reversed`` and ``map``/``filter``.

Each is a GC object with CPython's struct size.  ``IterObject.seq`` is the object iterated
(or a host tuple of sub-iterators for zip/map), ``index`` the position, ``result`` the cached
result tuple that dict item iterators, ``enumerate`` and ``zip`` reuse when nobody else holds it.
"""

from heapsim.objects.core import GCObject, TPFLAGS_HAVE_GC, UNTRACKED, make_static_type


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
    name = tp.name
    if name == "dict_itemiterator" or name == "enumerate":
        # dictiter_new / enum_new make the reusable (None, None) result tuple up front
        from heapsim.objects.tupleobject import tuple_new
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


def iternext(sp, it):
    """``tp_iternext`` of the iterator types of this module that the object space does not
    step itself: ``reversed`` (over a sequence with ``__len__``/``__getitem__``),
    ``callable_iterator`` (``iter(f, sentinel)``) and ``zip(..., strict=True)``'s checks.
    A new reference, or None when exhausted; the object space delegates here."""
    from heapsim.base.errors import GuestError
    heap = sp.heap
    name = it.ob_type.name
    seq = it.seq
    if seq is None:
        return None
    if name == "reversed":
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
        it.seq = None
        heap.decref(seq)
        return None
    if name == "callable_iterator":
        try:
            r = sp.call(seq, [], None)
        except GuestError as e:
            if e.kind == "StopIteration":
                it.seq = None
                heap.decref(seq)
                return None
            raise
        if sp.eq(r, it.extra):
            heap.decref(r)
            it.seq = None
            heap.decref(seq)
            sentinel = it.extra
            it.extra = None
            heap.decref(sentinel)
            return None
        return r
    if name == "zip" and it.used == 1:
        return _zip_strict_next(sp, it)
    if name == "bytes_iterator" or name == "bytearray_iterator":
        i = it.index
        data = seq.value
        if i < len(data):
            it.index = i + 1
            return sp.newint(data[i])
        it.seq = None
        heap.decref(seq)
        return None
    return None


def _zip_strict_next(sp, it):
    from heapsim.base.errors import GuestError
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

"""The methods of ``dict`` and of its views, and the ``dict`` constructor
(Objects/dictobject.c).

``dict()``/``dict(...)`` allocate through ``tp_alloc`` (never the dict free list), as
``dict_vectorcall`` does; the views are ``dict_keys``/``dict_values``/``dict_items`` objects
made on every ``keys()``/``values()``/``items()`` call; the set operations of the key and item
views build a set from the view first (``_PyDictView_Intersect`` and friends).
"""

from heapsim.objects.core import add_methods
from heapsim.base.errors import GuestError
from heapsim.interp.types import iterobject as itmod
from heapsim.interp.methods.args import classmethod_fn, clinic_arity, incref, no_kw
from heapsim.objects.dictobject import (
    dict_clear, dict_contains, dict_copy, dict_fromkeys, dict_getitem, dict_items, dict_merge,
    dict_pop, dict_popitem, dict_setdefault, dict_setitem,
)
from heapsim.objects.dict_table import dict_new_generic
from heapsim.objects.tupleobject import tuple_new
from heapsim.objects.unicodeobject import new_str


def _pairs_update(sp, d, src):
    """``PyDict_MergeFromSeq2`` over an iterable of pairs."""
    heap = sp.heap
    i = 0
    for item in sp.iterate(src):
        try:
            tp = item.ob_type
            if tp is heap.list_type or tp is heap.tuple_type:
                pair = list(item.items)
            else:
                try:
                    it = sp.iter(item)
                except GuestError as e:
                    if e.kind == "TypeError":
                        raise GuestError("TypeError", "cannot convert dictionary update "
                                         f"sequence element #{i} to a sequence") from None
                    raise
                heap.decref(it)
                from heapsim.interp.methods.str_methods import seq_fast
                holder, items = seq_fast(sp, item, "")
                pair = list(items)
                heap.decref(holder)
                # the holder list kept the items alive; take our own references
            if len(pair) != 2:
                raise GuestError("ValueError", f"dictionary update sequence element #{i} has "
                                 f"length {len(pair)}; 2 is required")
            k, v = pair
            k.ob_refcnt += 1
            v.ob_refcnt += 1
            try:
                dict_setitem(heap, d, k, v)
            finally:
                heap.decref(k)
                heap.decref(v)
        finally:
            heap.decref(item)
        i += 1


def dict_update_from(sp, d, src):
    """``dict_update_arg``: a dict merges; an object with ``keys`` is a mapping; else pairs."""
    heap = sp.heap
    if src.ob_type is heap.dict_type:
        dict_merge(heap, d, src)
        return
    try:
        keys_m = sp.getattr(src, "keys")
    except GuestError as e:
        if e.kind != "AttributeError":
            raise
        keys_m = None
    if keys_m is None:
        _pairs_update(sp, d, src)
        return
    try:
        ks = sp.call(keys_m, [], None)
    finally:
        heap.decref(keys_m)
    try:
        for k in sp.iterate(ks):
            try:
                v = sp.getitem(src, k)
                try:
                    dict_setitem(heap, d, k, v)
                finally:
                    heap.decref(v)
            finally:
                heap.decref(k)
    finally:
        heap.decref(ks)


def _kw_update(sp, d, kw):
    heap = sp.heap
    for k, v in kw.items():
        key = new_str(heap, k)
        try:
            dict_setitem(heap, d, key, v)
        finally:
            heap.decref(key)


def c_dict(sp, tp, args, kw):
    heap = sp.heap
    if len(args) > 1:
        raise GuestError("TypeError", f"dict expected at most 1 argument, got {len(args)}")
    d = dict_new_generic(heap)
    try:
        if args:
            dict_update_from(sp, d, args[0])
        if kw:
            _kw_update(sp, d, kw)
    except BaseException:
        heap.decref(d)
        raise
    return d


def d_get(sp, d, args, kw):
    no_kw("get", kw)
    if not 1 <= len(args) <= 2:
        raise GuestError("TypeError", f"get expected {'at least 1' if not args else 'at most 2'}"
                         f" argument{'s' if args else ''}, got {len(args)}")
    v = dict_getitem(sp.heap, d, args[0])
    if v is None:
        v = args[1] if len(args) == 2 else sp.heap.none
    return incref(v)


def d_setdefault(sp, d, args, kw):
    no_kw("setdefault", kw)
    if not 1 <= len(args) <= 2:
        raise GuestError("TypeError", f"setdefault expected "
                         f"{'at least 1' if not args else 'at most 2'}"
                         f" argument{'s' if args else ''}, got {len(args)}")
    return incref(dict_setdefault(sp.heap, d, args[0],
                                  args[1] if len(args) == 2 else sp.heap.none))


def d_pop(sp, d, args, kw):
    no_kw("pop", kw)
    if not 1 <= len(args) <= 2:
        raise GuestError("TypeError", f"pop expected {'at least 1' if not args else 'at most 2'}"
                         f" argument{'s' if args else ''}, got {len(args)}")
    return dict_pop(sp.heap, d, args[0], args[1] if len(args) == 2 else None)


def d_popitem(sp, d, args, kw):
    clinic_arity("popitem", args, 0, 0, d)
    heap = sp.heap
    # dict_popitem_impl allocates the result tuple before looking at the dict.
    res = tuple_new(heap, 2)
    if d.ma_used == 0:
        heap.decref(res)
        raise GuestError("KeyError", "popitem(): dictionary is empty")
    k, v = dict_popitem(heap, d)
    res.items[0] = k
    res.items[1] = v
    return res


def d_update(sp, d, args, kw):
    if len(args) > 1:
        raise GuestError("TypeError", f"update expected at most 1 argument, got {len(args)}")
    if args:
        dict_update_from(sp, d, args[0])
    if kw:
        _kw_update(sp, d, kw)
    return sp.none()


def d_copy(sp, d, args, kw):
    clinic_arity("copy", args, 0, 0, d)
    return dict_copy(sp.heap, d)


def d_clear(sp, d, args, kw):
    clinic_arity("clear", args, 0, 0, d)
    dict_clear(sp.heap, d)
    return sp.none()


@classmethod_fn("dict")
def d_fromkeys(sp, cls, args, kw):
    """``dict.fromkeys(iterable, value=None)`` (a class method; cls is the dict type or an
    instance whose type is used)."""
    heap = sp.heap
    no_kw("fromkeys", kw)
    clinic_arity("fromkeys", args, 1, 2)
    value = args[1] if len(args) == 2 else heap.none
    it = args[0]
    tp = it.ob_type
    if tp is heap.dict_type or tp is heap.set_type or tp is heap.frozenset_type:
        return dict_fromkeys(heap, it, value)
    src = sp.iter(it)
    try:
        d = dict_new_generic(heap)
        try:
            while True:
                k = sp.next(src)
                if k is None:
                    break
                try:
                    dict_setitem(heap, d, k, value)
                finally:
                    heap.decref(k)
        except BaseException:
            heap.decref(d)
            raise
        return d
    finally:
        heap.decref(src)


def _view(name):
    def view(sp, d, args, kw):
        clinic_arity(name[5:], args, 0, 0, d)
        return itmod.new_view(sp.heap, sp.iter_types[name], d)
    return view


# --- views -------------------------------------------------------------------------------------

def _view_set(sp, obj):
    """``PySet_New(obj)`` for a view operand (a new set)."""
    from heapsim.objects.setobject import set_new
    return set_new(sp.heap, obj)


def _view_binop(kind):
    from heapsim.objects import setobject as so

    def op(sp, a, args, kw):
        heap = sp.heap
        clinic_arity(kind, args, 1, 1, a)
        b = args[0]
        reflected = kind.startswith("__r")
        left, right = (b, a) if reflected else (a, b)
        try:
            it = sp.iter(right)
        except GuestError:
            return incref(heap.not_implemented)
        heap.decref(it)
        res = _view_set(sp, left)
        try:
            base = kind.replace("__r", "__")
            if base == "__and__":
                so.set_intersection_update(heap, res, right)
            elif base == "__or__":
                so.set_update(heap, res, [right])
            elif base == "__sub__":
                so.set_difference_update(heap, res, [right])
            else:
                so.set_symmetric_difference_update(heap, res, right)
        except BaseException:
            heap.decref(res)
            raise
        return res
    return op


def view_isdisjoint(sp, v, args, kw):
    heap = sp.heap
    clinic_arity("isdisjoint", args, 1, 1, v)
    for x in sp.iterate(args[0]):
        try:
            if sp.contains(v, x):
                return sp.newbool(False)
        finally:
            heap.decref(x)
    return sp.newbool(True)


def view_mapping(sp, v, args, kw):
    from heapsim.interp.methods.args import incref as _inc
    return _inc(v.dict)


def view_reversed(sp, v, args, kw):
    raise GuestError("TypeError", "dict view reversal is not supported here")


def d_reversed(sp, d, args, kw):
    from heapsim.base.errors import Unsupported
    raise Unsupported("reversed() of a dict")


DICT_METHODS = {
    "get": d_get, "setdefault": d_setdefault, "pop": d_pop, "popitem": d_popitem,
    "update": d_update, "copy": d_copy, "clear": d_clear, "fromkeys": d_fromkeys,
    "keys": _view("dict_keys"), "values": _view("dict_values"), "items": _view("dict_items"),
}


def install(sp):
    add_methods(sp.heap.dict_type, DICT_METHODS)
    setops = {name: _view_binop(name) for name in
              ("__and__", "__or__", "__sub__", "__xor__", "__rand__", "__ror__", "__rsub__",
               "__rxor__")}
    for name in ("dict_keys", "dict_items"):
        m = dict(setops)
        m["isdisjoint"] = view_isdisjoint
        add_methods(sp.iter_types[name], m)
    sp.heap.dict_type.tp_vectorcall = c_dict

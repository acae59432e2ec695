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
from heapsim.interp.methods.args import incref
from heapsim.interp.methods.clinic import (
    METH_FASTCALL, METH_KEYWORDS, METH_NOARGS, METH_O, METH_VARARGS, SLOT_WRAPPER, builtin,
    classmethod_fn,
)
from heapsim.interp.methods.str_methods import seq_fast
from heapsim.objects import dictobject as do
from heapsim.objects import setobject as so
from heapsim.objects.dict_table import dict_new_generic
from heapsim.objects.tupleobject import tuple_new
from heapsim.objects.unicodeobject import new_str

dict_setitem = do.dict_setitem


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
        do.dict_merge(heap, d, src)
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


@builtin("dict(mapping=(), /, **kwargs)", METH_FASTCALL | METH_KEYWORDS)
def dict_vectorcall(sp, tp, args, kw):
    """``dict(...)`` (``dict_vectorcall``: any keywords, at most one positional argument)."""
    heap = sp.heap
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


@builtin("dict.get($self, key, default=None, /)", METH_FASTCALL)
def dict_get(sp, d, key, default=None):
    v = do.dict_getitem(sp.heap, d, key)
    if v is None:
        v = sp.heap.none if default is None else default
    return incref(v)


@builtin("dict.setdefault($self, key, default=None, /)", METH_FASTCALL)
def dict_setdefault(sp, d, key, default=None):
    return incref(do.dict_setdefault(sp.heap, d, key,
                                     sp.heap.none if default is None else default))


@builtin("dict.pop($self, key, default=<unrepresentable>, /)", METH_FASTCALL)
def dict_pop(sp, d, key, default=None):
    return do.dict_pop(sp.heap, d, key, default)


@builtin("dict.popitem($self, /)", METH_NOARGS)
def dict_popitem(sp, d):
    heap = sp.heap
    # dict_popitem_impl allocates the result tuple before looking at the dict.
    res = tuple_new(heap, 2)
    if d.ma_used == 0:
        heap.decref(res)
        raise GuestError("KeyError", "popitem(): dictionary is empty")
    k, v = do.dict_popitem(heap, d)
    res.items[0] = k
    res.items[1] = v
    return res


@builtin("dict.update($self, other=(), /, **kwargs)", METH_VARARGS | METH_KEYWORDS,
         unpack=True)
def dict_update(sp, d, args, kw):
    if args:
        dict_update_from(sp, d, args[0])
    if kw:
        _kw_update(sp, d, kw)
    return sp.none()


@builtin("dict.copy($self, /)", METH_NOARGS)
def dict_copy(sp, d):
    return do.dict_copy(sp.heap, d)


@builtin("dict.clear($self, /)", METH_NOARGS)
def dict_clear(sp, d):
    do.dict_clear(sp.heap, d)
    return sp.none()


@classmethod_fn(lambda h: h.dict_type)
@builtin("dict.fromkeys($type, iterable, value=None, /)", METH_FASTCALL)
def dict_fromkeys(sp, cls, iterable, value=None):
    """``dict.fromkeys(iterable, value=None)`` (a class method; cls is the dict type or an
    instance whose type is used)."""
    heap = sp.heap
    if value is None:
        value = heap.none
    it = iterable
    tp = it.ob_type
    if tp is heap.dict_type or tp is heap.set_type or tp is heap.frozenset_type:
        return do.dict_fromkeys(heap, it, value)
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
    def view(sp, d):
        return itmod.new_view(sp.heap, sp.iter_types[name], d)
    return builtin(f"dict.{name[5:]}($self, /)", METH_NOARGS)(view)


dict_keys = _view("dict_keys")
dict_values = _view("dict_values")
dict_items = _view("dict_items")


# --- views -------------------------------------------------------------------------------------

def _view_binop(owner, kind):
    reflected = kind.startswith("__r")
    base = kind.replace("__r", "__")

    def op(sp, a, b):
        """``dictviews_and`` and friends (the number slots of the key and item views): a set
        made from the left operand (``PySet_New``), updated with the right one."""
        heap = sp.heap
        left, right = (b, a) if reflected else (a, b)
        try:
            it = sp.iter(right)
        except GuestError:
            return incref(heap.not_implemented)
        heap.decref(it)
        res = so.set_new(heap, left)
        try:
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
    return builtin(f"{owner}.{kind}($self, value, /)", SLOT_WRAPPER)(op)


def _isdisjoint(sp, v, other):
    heap = sp.heap
    for x in sp.iterate(other):
        try:
            if sp.contains(v, x):
                return sp.newbool(False)
        finally:
            heap.decref(x)
    return sp.newbool(True)


DICT_METHODS = {
    "get": dict_get, "setdefault": dict_setdefault, "pop": dict_pop, "popitem": dict_popitem,
    "update": dict_update, "copy": dict_copy, "clear": dict_clear, "fromkeys": dict_fromkeys,
    "keys": dict_keys, "values": dict_values, "items": dict_items,
}
VIEW_METHODS = {}
for _owner in ("dict_keys", "dict_items"):
    VIEW_METHODS[_owner] = {name: _view_binop(_owner, name) for name in (
        "__and__", "__or__", "__sub__", "__xor__", "__rand__", "__ror__", "__rsub__", "__rxor__")}
    VIEW_METHODS[_owner]["isdisjoint"] = builtin(f"{_owner}.isdisjoint($self, other, /)",
                                                 METH_O)(_isdisjoint)


def install(sp):
    add_methods(sp.heap.dict_type, DICT_METHODS)
    for name in ("dict_keys", "dict_items"):
        add_methods(sp.iter_types[name], VIEW_METHODS[name])
    sp.heap.dict_type.tp_vectorcall = dict_vectorcall

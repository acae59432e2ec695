"""The methods of ``set`` and ``frozenset`` and their constructors (Objects/setobject.c),
over the object model's set operations."""

from heapsim.objects.core import add_methods
from heapsim.base.errors import GuestError
from heapsim.interp.methods.args import incref
from heapsim.interp.methods.clinic import (
    METH_FASTCALL, METH_NOARGS, METH_O, METH_VARARGS, builtin, declare,
)
from heapsim.objects import setobject as so


def _subtype(tp, base):
    while tp is not None:
        if tp is base:
            return True
        tp = tp.base
    return False


def set_add(sp, s, key):
    so.set_add_key(sp.heap, s, key)
    return sp.none()


def set_discard(sp, s, key):
    so.set_discard(sp.heap, s, key)
    return sp.none()


def set_remove(sp, s, key):
    if so.set_discard(sp.heap, s, key) == so.DISCARD_NOTFOUND:
        err = GuestError("KeyError")
        err.key = key
        raise err
    return sp.none()


def set_pop(sp, s):
    return so.set_pop(sp.heap, s)


def set_clear(sp, s):
    so.set_clear_internal(sp.heap, s)
    return sp.none()


def set_copy(sp, s):
    return so.set_copy(sp.heap, s)


def frozenset_copy(sp, s):
    return so.frozenset_copy(sp.heap, s)


def set_update(sp, s, others):
    so.set_update(sp.heap, s, list(others))
    return sp.none()


def set_union(sp, s, others):
    return so.set_union(sp.heap, s, list(others))


def set_intersection(sp, s, others):
    return so.set_intersection_multi(sp.heap, s, list(others))


def set_intersection_update(sp, s, others):
    so.set_intersection_update_multi(sp.heap, s, list(others))
    return sp.none()


def set_difference(sp, s, others):
    return so.set_difference_multi(sp.heap, s, list(others))


def set_difference_update(sp, s, others):
    so.set_difference_update(sp.heap, s, list(others))
    return sp.none()


def set_symmetric_difference(sp, s, other):
    return so.set_symmetric_difference(sp.heap, s, other)


def set_symmetric_difference_update(sp, s, other):
    so.set_symmetric_difference_update(sp.heap, s, other)
    return sp.none()


def set_issubset(sp, s, other):
    return sp.newbool(so.set_issubset(sp.heap, s, other))


def set_issuperset(sp, s, other):
    return sp.newbool(so.set_issuperset(sp.heap, s, other))


def set_isdisjoint(sp, s, other):
    return sp.newbool(so.set_isdisjoint(sp.heap, s, other))


def set_or_frozenset_new(sp, tp, iterable=None):
    """``set(...)`` / ``frozenset(...)`` (``set_vectorcall``, ``frozenset_vectorcall``; a
    subclass's ``__init__``/``__new__`` may take keywords)."""
    heap = sp.heap
    if _subtype(tp, heap.frozenset_type):
        if tp is heap.frozenset_type:
            if iterable is not None and iterable.ob_type is heap.frozenset_type:
                return incref(iterable)
            return so.frozenset_new(heap, iterable)
        return so.make_new_set(heap, tp, iterable)
    if tp is heap.set_type:
        return so.set_new(heap, iterable)
    return so.make_new_set(heap, tp, iterable)


set_vectorcall = builtin("set(iterable=(), /)", METH_FASTCALL,
                         exact_kw=lambda sp: sp.heap.set_type)(set_or_frozenset_new)
frozenset_vectorcall = builtin("frozenset(iterable=(), /)", METH_FASTCALL,
                               exact_kw=lambda sp: sp.heap.frozenset_type)(set_or_frozenset_new)

# name -> (implementation, parameters, convention); both types declare their own methods
_SHARED = {
    "union": (set_union, "*others", METH_VARARGS),
    "intersection": (set_intersection, "*others", METH_VARARGS),
    "difference": (set_difference, "*others", METH_VARARGS),
    "symmetric_difference": (set_symmetric_difference, "other, /", METH_O),
    "issubset": (set_issubset, "other, /", METH_O),
    "issuperset": (set_issuperset, "other, /", METH_O),
    "isdisjoint": (set_isdisjoint, "other, /", METH_O),
}
_SET_ONLY = {
    "add": (set_add, "object, /", METH_O),
    "discard": (set_discard, "object, /", METH_O),
    "remove": (set_remove, "object, /", METH_O),
    "pop": (set_pop, "/", METH_NOARGS),
    "clear": (set_clear, "/", METH_NOARGS),
    "copy": (set_copy, "/", METH_NOARGS),
    "update": (set_update, "*others", METH_VARARGS),
    "intersection_update": (set_intersection_update, "*others", METH_VARARGS),
    "difference_update": (set_difference_update, "*others", METH_VARARGS),
    "symmetric_difference_update": (set_symmetric_difference_update, "other, /", METH_O),
}


def _declare_all(owner, table):
    return {name: declare(impl, f"{owner}.{name}($self, {params})", flags)
            for name, (impl, params, flags) in table.items()}


SET_METHODS = _declare_all("set", {**_SET_ONLY, **_SHARED})
FROZENSET_METHODS = _declare_all("frozenset", dict(
    _SHARED, copy=(frozenset_copy, "/", METH_NOARGS)))


def install(sp):
    add_methods(sp.heap.set_type, SET_METHODS)
    add_methods(sp.heap.frozenset_type, FROZENSET_METHODS)
    sp.heap.set_type.tp_vectorcall = set_vectorcall
    sp.heap.frozenset_type.tp_vectorcall = frozenset_vectorcall

"""The methods of ``set`` and ``frozenset`` and their constructors (Objects/setobject.c),
over the object model's set operations."""

from heapsim.objects.core import add_methods
from heapsim.base.errors import GuestError
from heapsim.interp.methods.args import clinic_arity, incref, no_kw
from heapsim.objects import setobject as so


def _subtype(tp, base):
    while tp is not None:
        if tp is base:
            return True
        tp = tp.base
    return False


def s_add(sp, s, args, kw):
    if len(args) != 1:
        raise GuestError("TypeError", f"set.add() takes exactly one argument ({len(args)} given)")
    so.set_add_key(sp.heap, s, args[0])
    return sp.none()


def s_discard(sp, s, args, kw):
    if len(args) != 1:
        raise GuestError("TypeError", f"set.discard() takes exactly one argument "
                         f"({len(args)} given)")
    so.set_discard(sp.heap, s, args[0])
    return sp.none()


def s_remove(sp, s, args, kw):
    if len(args) != 1:
        raise GuestError("TypeError", f"set.remove() takes exactly one argument "
                         f"({len(args)} given)")
    if so.set_discard(sp.heap, s, args[0]) == so.DISCARD_NOTFOUND:
        err = GuestError("KeyError")
        err.key = args[0]
        raise err
    return sp.none()


def s_pop(sp, s, args, kw):
    clinic_arity("pop", args, 0, 0, s)
    return so.set_pop(sp.heap, s)


def s_clear(sp, s, args, kw):
    clinic_arity("clear", args, 0, 0, s)
    so.set_clear_internal(sp.heap, s)
    return sp.none()


def s_copy(sp, s, args, kw):
    clinic_arity("copy", args, 0, 0, s)
    return so.set_copy(sp.heap, s)


def fs_copy(sp, s, args, kw):
    clinic_arity("copy", args, 0, 0, s)
    return so.frozenset_copy(sp.heap, s)


def _check_iterables(sp, args):
    heap = sp.heap
    for a in args:
        if not so.anyset_check(heap, a) and a.ob_type is not heap.dict_type:
            it = sp.iter(a)
            heap.decref(it)


def s_update(sp, s, args, kw):
    no_kw("set.update", kw)
    so.set_update(sp.heap, s, list(args))
    return sp.none()


def s_union(sp, s, args, kw):
    no_kw("set.union", kw)
    return so.set_union(sp.heap, s, list(args))


def s_intersection(sp, s, args, kw):
    no_kw("set.intersection", kw)
    return so.set_intersection_multi(sp.heap, s, list(args))


def s_intersection_update(sp, s, args, kw):
    no_kw("set.intersection_update", kw)
    so.set_intersection_update_multi(sp.heap, s, list(args))
    return sp.none()


def s_difference(sp, s, args, kw):
    no_kw("set.difference", kw)
    return so.set_difference_multi(sp.heap, s, list(args))


def s_difference_update(sp, s, args, kw):
    no_kw("set.difference_update", kw)
    so.set_difference_update(sp.heap, s, list(args))
    return sp.none()


def s_symmetric_difference(sp, s, args, kw):
    no_kw("symmetric_difference", kw)
    if len(args) != 1:
        raise GuestError("TypeError", f"set.symmetric_difference() takes exactly one argument "
                         f"({len(args)} given)")
    return so.set_symmetric_difference(sp.heap, s, args[0])


def s_symmetric_difference_update(sp, s, args, kw):
    if len(args) != 1:
        raise GuestError("TypeError", f"set.symmetric_difference_update() takes exactly one "
                         f"argument ({len(args)} given)")
    so.set_symmetric_difference_update(sp.heap, s, args[0])
    return sp.none()


def _one(name):
    def check(args):
        if len(args) != 1:
            raise GuestError("TypeError", f"set.{name}() takes exactly one argument "
                             f"({len(args)} given)")
    return check


def s_issubset(sp, s, args, kw):
    _one("issubset")(args)
    return sp.newbool(so.set_issubset(sp.heap, s, args[0]))


def s_issuperset(sp, s, args, kw):
    _one("issuperset")(args)
    return sp.newbool(so.set_issuperset(sp.heap, s, args[0]))


def s_isdisjoint(sp, s, args, kw):
    _one("isdisjoint")(args)
    return sp.newbool(so.set_isdisjoint(sp.heap, s, args[0]))


def c_set(sp, tp, args, kw):
    heap = sp.heap
    name = "frozenset" if _subtype(tp, heap.frozenset_type) else "set"
    if kw and (tp is heap.set_type or tp is heap.frozenset_type):
        raise GuestError("TypeError", f"{name}() takes no keyword arguments")
    if len(args) > 1:
        raise GuestError("TypeError", f"{name} expected at most 1 argument, got {len(args)}")
    if name == "frozenset":
        if tp is heap.frozenset_type:
            if args and args[0].ob_type is heap.frozenset_type:
                return incref(args[0])
            return so.frozenset_new(heap, args[0] if args else None)
        return so.make_new_set(heap, tp, args[0] if args else None)
    if tp is heap.set_type:
        return so.set_new(heap, args[0] if args else None)
    return so.make_new_set(heap, tp, args[0] if args else None)


SET_METHODS = {
    "add": s_add, "discard": s_discard, "remove": s_remove, "pop": s_pop, "clear": s_clear,
    "copy": s_copy, "update": s_update, "union": s_union, "intersection": s_intersection,
    "intersection_update": s_intersection_update, "difference": s_difference,
    "difference_update": s_difference_update, "symmetric_difference": s_symmetric_difference,
    "symmetric_difference_update": s_symmetric_difference_update, "issubset": s_issubset,
    "issuperset": s_issuperset, "isdisjoint": s_isdisjoint,
}
FROZENSET_METHODS = {
    "copy": fs_copy, "union": s_union, "intersection": s_intersection,
    "difference": s_difference, "symmetric_difference": s_symmetric_difference,
    "issubset": s_issubset, "issuperset": s_issuperset, "isdisjoint": s_isdisjoint,
}


def install(sp):
    add_methods(sp.heap.set_type, SET_METHODS)
    add_methods(sp.heap.frozenset_type, FROZENSET_METHODS)
    sp.heap.set_type.tp_vectorcall = c_set
    sp.heap.frozenset_type.tp_vectorcall = c_set

"""``types.UnionType``, PEP 604's ``int | str`` (Objects/unionobject.c).

``X | Y`` of two "unionable" operands (None, a class, a generic alias, a union) makes a union
of their members, flattened and without repeats (classes by identity, generic aliases by
equality; None stands as ``NoneType``); a single member is returned itself.  A union is a GC
object of 32 bytes (``sys.getsizeof`` 48) holding its ``__args__`` tuple and, once asked for,
its ``__parameters__``.  ``==`` compares the members as sets and ``hash`` is the hash of their
frozenset (both build the temporary sets CPython builds); ``isinstance`` and ``issubclass``
test each member (descrobject.py asks ``union_members``).
"""

from heapsim.objects.core import GCObject, TPFLAGS_HAVE_GC, TypeObject, clear_fields, \
    make_static_type, traverse_fields
from heapsim.objects.abstract import objects_equal
from heapsim.objects.funcobject import _gc_new as gc_object_new
from heapsim.objects.setobject import PY_EQ, frozenset_hash, frozenset_new, set_new, \
    set_richcompare
from heapsim.objects.tupleobject import tuple_new
from heapsim.interp.types.genericaliasobject import (
    GenericAliasObject, make_parameters, repr_item,
)

UNION_BASICSIZE = 32


class UnionObject(GCObject):
    """``unionobject``: args (a tuple of the members), parameters (None until asked for)."""

    __slots__ = ("args", "parameters")


UNION_FIELDS = ("args", "parameters")


def _union_traverse(u):
    return traverse_fields(u, UNION_FIELDS)


def _union_clear(heap, u):
    clear_fields(heap, u, UNION_FIELDS)


def _union_dealloc(heap, u):
    heap.gc.untrack(u)
    _union_clear(heap, u)
    heap.gc_del(u)


def _union_hash(heap, u):
    """``union_hash``: the hash of a frozenset of the members (made and dropped)."""
    fs = frozenset_new(heap, u.args)
    try:
        return frozenset_hash(heap, fs)
    finally:
        heap.decref(fs)


def _union_eq(heap, a, b):
    """``union_richcompare``: the members compared as two sets (made and dropped)."""
    if not isinstance(b, UnionObject):
        return NotImplemented
    sa = set_new(heap, a.args)
    try:
        sb = set_new(heap, b.args)
        try:
            return set_richcompare(heap, sa, sb, PY_EQ)
        finally:
            heap.decref(sb)
    finally:
        heap.decref(sa)


def init_union_type(heap):
    tp = make_static_type("UnionType", UNION_BASICSIZE, 0, TPFLAGS_HAVE_GC,
                          base=heap.object_type, dealloc=_union_dealloc,
                          traverse=_union_traverse, clear=_union_clear, module="types",
                          hash=_union_hash, eq=_union_eq)
    heap.register_static_type(tp)
    heap.union_type = tp
    return tp


def make_union(heap, args):
    """``make_union``: a new union holding a new reference to the tuple args."""
    tp = heap.union_type
    u = gc_object_new(heap, UnionObject, tp, UNION_BASICSIZE)
    args.ob_refcnt += 1
    u.args = args
    u.parameters = None
    heap.gc.track(u)
    return u


def _unionable(heap, obj):
    return obj is heap.none or isinstance(obj, (TypeObject, GenericAliasObject, UnionObject))


def _members(heap, obj):
    if obj is heap.none:
        return [heap.types["NoneType"]]
    if isinstance(obj, UnionObject):
        return list(obj.args.items)
    return [obj]


def _same(heap, a, b):
    if isinstance(a, GenericAliasObject) and isinstance(b, GenericAliasObject):
        return objects_equal(heap, a, b)
    return a is b


def union_or(sp, a, b):
    """``_Py_union_type_or(a, b)``: a new reference, or None for NotImplemented."""
    heap = sp.heap
    if not _unionable(heap, a) or not _unionable(heap, b):
        return None
    left = _members(heap, a)
    new = [x for x in _members(heap, b) if not any(_same(heap, y, x) for y in left)]
    if not new:
        res = heap.types["NoneType"] if a is heap.none else a
        res.ob_refcnt += 1
        return res
    items = left + new
    t = tuple_new(heap, len(items))
    for i, x in enumerate(items):
        x.ob_refcnt += 1
        t.items[i] = x
    u = make_union(heap, t)
    heap.decref(t)
    return u


def union_binop(sp, op, a, b):
    """The ``nb_or`` of type, GenericAlias and UnionType."""
    if op != "|" and op != "|=":
        return None
    return union_or(sp, a, b)


def union_members(obj):
    """The members tuple of a union (borrowed), or None for anything else."""
    if isinstance(obj, UnionObject):
        return obj.args
    return None


def union_repr(sp, u):
    heap = sp.heap
    none_type = heap.types["NoneType"]
    return " | ".join("None" if a is none_type else repr_item(sp, a) for a in u.args.items)


def union_getattro(sp, u, name):
    if name == "__args__":
        u.args.ob_refcnt += 1
        return u.args
    if name == "__parameters__":
        if u.parameters is None:
            u.parameters = make_parameters(sp, u.args)
        u.parameters.ob_refcnt += 1
        return u.parameters
    return None


def install_union(sp):
    heap = sp.heap
    tp = heap.union_type
    tp.tp_repr = union_repr
    tp.tp_getattro = union_getattro
    for t in (tp, heap.generic_alias_type, heap.type_type):
        t.nb_binop = union_binop

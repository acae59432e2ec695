"""``types.GenericAlias``, PEP 585's ``list[int]`` (Objects/genericaliasobject.c).

A generic alias holds its origin (``list``), its arguments (always a tuple: ``(int,)``) and,
computed on first use, its type parameters (``__parameters__``).  It is a GC object of 64
bytes (``sys.getsizeof`` 80).  Subscripting a builtin generic type (its
``__class_getitem__``, a class method) or ``type`` makes one; calling it calls the origin and
tries to store ``__orig_class__`` on the result; every attribute but its own few is the
origin's; ``==`` and ``hash`` compare and combine origin and arguments; ``isinstance`` and
``issubclass`` refuse it; ``|`` makes a ``types.UnionType`` (types/unionobject.py, which
fills the ``|`` slot).

Type variables (``typing.TypeVar``) and substitution (``list[T][int]``) are recognised only as
far as ``__parameters__`` needs: an argument with ``__typing_subst__`` is a parameter.
"""

from heapsim.base.errors import GuestError, Unsupported
from heapsim.objects.abstract import hash_object, objects_equal
from heapsim.objects.core import (
    add_methods, GCObject, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC, TypeObject, clear_fields,
    make_static_type, traverse_fields,
)
from heapsim.objects.dictobject import dict_getitem
from heapsim.objects.funcobject import _gc_new as gc_object_new
from heapsim.objects.listobject import list_append
from heapsim.objects.tupleobject import tuple_pack

GA_BASICSIZE = 64

# the attributes a generic alias answers itself; every other name is looked up on the origin
# (``attr_exceptions``)
ATTR_EXCEPTIONS = (
    "__class__", "__origin__", "__args__", "__unpacked__", "__parameters__",
    "__typing_unpacked_tuple_args__", "__mro_entries__", "__reduce_ex__", "__reduce__",
    "__copy__", "__deepcopy__")
OWN_ATTRIBUTES = frozenset(ATTR_EXCEPTIONS)


class GenericAliasObject(GCObject):
    """``gaobject``: origin, args (a tuple), parameters (a tuple or None until asked for),
    starred (``*tuple[int]``), the weak-reference list."""

    __slots__ = ("origin", "args", "parameters", "starred", "weaklist")


GA_FIELDS = ("origin", "args", "parameters")


def _ga_traverse(ga):
    return traverse_fields(ga, GA_FIELDS)


def _ga_clear(heap, ga):
    clear_fields(heap, ga, GA_FIELDS)


def _ga_dealloc(heap, ga):
    heap.gc.untrack(ga)
    if ga.weaklist is not None and heap.clear_weakrefs is not None:
        heap.clear_weakrefs(ga)
    _ga_clear(heap, ga)
    heap.gc_del(ga)


def _ga_hash(heap, ga):
    """``ga_hash``: the origin's hash xor the arguments'."""
    h0 = hash_object(heap, ga.origin)
    h1 = hash_object(heap, ga.args)
    h = (h0 ^ h1) & 0xFFFF_FFFF_FFFF_FFFF
    h = h - (1 << 64) if h >= 1 << 63 else h
    return -2 if h == -1 else h


def _ga_eq(heap, a, b):
    """``ga_richcompare`` for ``==``: origins and arguments equal, both starred or not."""
    if not isinstance(b, GenericAliasObject):
        return NotImplemented
    if a.starred != b.starred:
        return False
    if not objects_equal(heap, a.origin, b.origin):
        return False
    ia, ib = a.args.items, b.args.items
    return len(ia) == len(ib) and all(objects_equal(heap, x, y) for x, y in zip(ia, ib))


def init_generic_alias_type(heap):
    tp = make_static_type("GenericAlias", GA_BASICSIZE, 0, TPFLAGS_HAVE_GC | TPFLAGS_BASETYPE,
                          base=heap.object_type, dealloc=_ga_dealloc, traverse=_ga_traverse,
                          clear=_ga_clear, weakrefable=True, module="types", hash=_ga_hash,
                          eq=_ga_eq)
    heap.register_static_type(tp)
    heap.generic_alias_type = tp
    return tp


def generic_alias_new(heap, origin, args, tp=None):
    """``Py_GenericAlias(origin, args)``: a new reference (both borrowed; a non-tuple args is
    packed into a 1-tuple)."""
    tp = tp or heap.generic_alias_type
    ga = gc_object_new(heap, GenericAliasObject, tp, GA_BASICSIZE)
    ga.weaklist = None
    ga.parameters = None
    ga.starred = False
    if args.ob_type is heap.tuple_type:
        args.ob_refcnt += 1
    else:
        args = tuple_pack(heap, args)
    origin.ob_refcnt += 1
    ga.origin = origin
    ga.args = args
    heap.gc.track(ga)
    return ga


def is_generic_alias(obj):
    return isinstance(obj, GenericAliasObject)


# --- the guest side -----------------------------------------------------------------------------

def repr_item(sp, p):
    """``ga_repr_item``: ``...``, an alias's repr, a class's ``module.qualname`` (no module for
    builtins), else the repr."""
    heap = sp.heap
    if p is heap.ellipsis:
        return "..."
    if isinstance(p, TypeObject):
        if p.module == "builtins":
            return p.qualname
        if p.module is not None:
            return f"{p.module}.{p.qualname}"
        return sp.repr_host(p)
    if _has_attr(sp, p, "__origin__") and _has_attr(sp, p, "__args__"):
        return sp.repr_host(p)
    qualname = _attr_or_none(sp, p, "__qualname__")
    if qualname is None:
        return sp.repr_host(p)
    try:
        module = _attr_or_none(sp, p, "__module__")
        if module is None or module is heap.none:
            return sp.repr_host(p)
        try:
            if module.ob_type is heap.str_type and module.value == "builtins":
                return sp.str_host(qualname)
            return f"{sp.str_host(module)}.{sp.str_host(qualname)}"
        finally:
            heap.decref(module)
    finally:
        heap.decref(qualname)


def _attr_or_none(sp, obj, name):
    key = sp.newstr(name)
    try:
        return sp.getattr_opt(obj, key)
    finally:
        sp.heap.decref(key)


def _has_attr(sp, obj, name):
    r = _attr_or_none(sp, obj, name)
    if r is None:
        return False
    sp.heap.decref(r)
    return True


def ga_repr(sp, ga):
    items = ga.args.items
    inner = ", ".join(repr_item(sp, a) for a in items) if items else "()"
    return f"{'*' if ga.starred else ''}{repr_item(sp, ga.origin)}[{inner}]"


def make_parameters(sp, args):
    """``_Py_make_parameters``: the arguments that are type parameters (have
    ``__typing_subst__``) and the parameters of the arguments that have ``__parameters__``,
    each once, in order (a new tuple)."""
    heap = sp.heap
    params = []
    for a in args.items:
        if isinstance(a, TypeObject):
            continue
        sub = sp.special_method(a, "__typing_subst__")
        if sub is not None:
            heap.decref(sub)
            if a not in params:
                params.append(a)
            continue
        inner = _attr_or_none(sp, a, "__parameters__")
        if inner is None:
            continue
        try:
            if inner.ob_type is heap.tuple_type:
                for p in inner.items:
                    if p not in params:
                        params.append(p)
        finally:
            heap.decref(inner)
    return sp.newtuple_borrowed(params)


def ga_parameters(sp, ga):
    """``__parameters__``: computed once, then kept (a new reference)."""
    if ga.parameters is None:
        ga.parameters = make_parameters(sp, ga.args)
    ga.parameters.ob_refcnt += 1
    return ga.parameters


def ga_getattro(sp, ga, name):
    """``ga_getattro``: the alias's own attributes, else the origin's."""
    heap = sp.heap
    if name not in OWN_ATTRIBUTES:
        key = sp.newstr(name)
        try:
            return sp.getattr_name(ga.origin, key)
        finally:
            heap.decref(key)
    if name == "__origin__":
        ga.origin.ob_refcnt += 1
        return ga.origin
    if name == "__args__":
        ga.args.ob_refcnt += 1
        return ga.args
    if name == "__parameters__":
        return ga_parameters(sp, ga)
    if name == "__unpacked__":
        return sp.newbool(ga.starred)
    if name == "__typing_unpacked_tuple_args__":
        if ga.starred and ga.origin is heap.tuple_type:
            ga.args.ob_refcnt += 1
            return ga.args
        return sp.none()
    return None


def ga_call(sp, ga, args, kw):
    """``ga_call``: the origin called; ``__orig_class__`` stored on the result when it can
    take it (AttributeError and TypeError ignored)."""
    heap = sp.heap
    obj = sp.call(ga.origin, list(args), kw)
    key = sp.newstr("__orig_class__")
    try:
        sp.setattr_name(obj, key, ga)
    except GuestError as e:
        if e.kind not in ("AttributeError", "TypeError"):
            heap.decref(obj)
            raise
    finally:
        heap.decref(key)
    return obj


def ga_getitem(sp, ga, key):
    """``ga_getitem``: substitution of the alias's type parameters."""
    p = ga_parameters(sp, ga)
    try:
        if not p.items:
            raise GuestError("TypeError", f"{ga_repr(sp, ga)} is not a generic class")
    finally:
        sp.heap.decref(p)
    raise Unsupported("substituting the parameters of a generic alias")


def ga_mro_entries(sp, ga, args, kw):
    """``__mro_entries__(bases)``: the origin stands for the alias among a class's bases."""
    return sp.newtuple_borrowed([ga.origin])


def ga_instancecheck(sp, ga, args, kw):
    raise GuestError("TypeError", "isinstance() argument 2 cannot be a parameterized generic")


def ga_subclasscheck(sp, ga, args, kw):
    raise GuestError("TypeError", "issubclass() argument 2 cannot be a parameterized generic")


def ga_vectorcall(sp, tp, args, kw):
    """``types.GenericAlias(origin, args)``."""
    if kw:
        raise GuestError("TypeError", "GenericAlias() takes no keyword arguments")
    if len(args) != 2:
        raise GuestError("TypeError", f"GenericAlias expected 2 arguments, got {len(args)}")
    return generic_alias_new(sp.heap, args[0], args[1], tp)


def class_getitem_for(type_of):
    """``__class_getitem__`` of a builtin generic type (``Py_GenericAlias`` as a class method):
    ``type_of(heap)`` is the type an unbound call falls back to."""
    def class_getitem(sp, cls, args, kw):
        if not isinstance(cls, TypeObject):
            if cls is not None:
                args = [cls] + list(args)
            cls = type_of(sp.heap)
        if kw:
            raise GuestError("TypeError", "__class_getitem__() takes no keyword arguments")
        if len(args) != 1:
            raise GuestError("TypeError", f"{cls.name}.__class_getitem__() takes exactly one "
                             f"argument ({len(args)} given)")
        return generic_alias_new(sp.heap, cls, args[0])
    class_getitem.meth_class = True
    return class_getitem


def ga_dir(sp, ga, args, kw):
    """``ga_dir``: the origin's ``dir()`` and the alias's own attribute names."""
    heap = sp.heap
    key = sp.newstr("dir")
    try:
        # PyObject_Dir: the builtins module's dir (types/descrobject.py's b_dir)
        dir_fn = dict_getitem(heap, sp.interp.modules["builtins"].md_dict, key)
    finally:
        heap.decref(key)
    lst = sp.call(dir_fn, [ga.origin], None)
    have = {x.value for x in lst.items if x.ob_type is heap.str_type}
    for name in ATTR_EXCEPTIONS:
        if name not in have:
            s = sp.newstr(name)
            list_append(heap, lst, s)
            heap.decref(s)
    return lst


GA_METHODS = {"__dir__": ga_dir, "__mro_entries__": ga_mro_entries, "__instancecheck__": ga_instancecheck,
              "__subclasscheck__": ga_subclasscheck}


def install_generic_alias(sp):
    """The type's slots and methods, and ``__class_getitem__`` on the builtin generic
    types."""
    heap = sp.heap
    tp = heap.generic_alias_type
    tp.tp_repr = ga_repr
    tp.tp_getattro = ga_getattro
    tp.tp_call = ga_call
    tp.mp_subscript = ga_getitem
    tp.tp_vectorcall = ga_vectorcall
    add_methods(tp, GA_METHODS)
    for t in (heap.tuple_type, heap.list_type, heap.dict_type, heap.set_type,
              heap.frozenset_type, sp.iter_types["enumerate"],
              sp.exc_types["BaseExceptionGroup"]):
        add_methods(t, {"__class_getitem__": class_getitem_for(lambda h, t=t: t)})

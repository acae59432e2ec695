"""Type objects: ``_PyType_Lookup``, the generic attribute protocol, attributes of classes,
``type_call`` and the slot functions of classes (Objects/typeobject.c, Objects/object.c).
Class creation (``type_new``, the class statement) is in type_new.py, the MRO in mro.py.

A class made here is a heap ``TypeObject`` (``objects/instanceobject.new_heap_type`` for the
layout) whose ``ext`` holds a ``HeapTypeExt``: the simulated ``__mro__`` and ``__bases__``
tuples, the ``__slots__`` tuple and a host index of the class dict.  ``type_type``'s
traverse/clear/dealloc are wrapped so these references are visited and released as
``type_traverse``/``type_dealloc`` do.

Lookups (``lookup``) go through the MRO's class dicts; a host cache keyed by (type, name)
stands for CPython's method cache and is emptied whenever any class dict changes.
"""

import inspect

from heapsim.base.errors import GuestError, GuestException, Unsupported
from heapsim.objects.core import (
    GCObject, PyObject, TypeObject, TPFLAGS_HEAPTYPE, TPFLAGS_MANAGED_DICT, TPFLAGS_BASETYPE,
    TPFLAGS_HAVE_GC, UNTRACKED, make_static_type, unhashable,
)
from heapsim.objects.dictobject import (
    dict_delitem, dict_getitem, dict_items, dict_new, dict_new_presized, dict_setitem,
    new_dict_with_shared_keys,
)
from heapsim.objects.funcobject import (
    FunctionObject, StaticMethodObject, ClassMethodObject, PropertyObject,
)
from heapsim.objects.instanceobject import (
    instance_new, instance_getattr, instance_setattr, instance_delattr, instance_get_dict,
    instance_get_slot, instance_set_slot, init_inline_values,
)
from heapsim.objects.listobject import list_append
from heapsim.objects.longobject import ndigits, new_int
from heapsim.objects.methodobject import (
    MethodDef, METH_FASTCALL, METH_KEYWORDS, cfunction_new, method_new,
)
from heapsim.objects.setobject import SET_MINSIZE, set_clear_internal, set_update_internal
from heapsim.objects.unicodeobject import intern_string, new_str, static_interned_str
from heapsim.objects.weakrefobject import get_object, new_ref
from heapsim.reclaim import add_root_provider
from heapsim.interp.types.exceptiongroup import group_new
from heapsim.interp.types.exceptions import ExcObject, new_exception
from heapsim.interp.types.mro import is_subtype, mro_of, static_mro


class HeapTypeExt:
    __slots__ = ("mro_t", "bases_t", "slots_t", "solid", "host_cls", "builtin_base", "vardict",
                 "subclasses", "name_obj", "qualname_obj")


class DescrObject(GCObject):
    """``member_descriptor`` / ``getset_descriptor``: ``d_type``, ``d_name``; ``index`` is
    the member's position (members), ``kind`` '__dict__' / '__weakref__' (getsets)."""

    __slots__ = ("d_type", "d_name", "index", "kind")


class MethodDescr(PyObject):
    """A ``method_descriptor``: a builtin type's method as found in the type's dict;
    ``objtype`` is the type (``d_type``), ``fn`` its host ``fn(sp, self, args, kw)``."""

    __slots__ = ("name", "fn", "objtype", "mdef")


class ProxyObject(GCObject):
    """``mappingproxy``."""

    __slots__ = ("mapping",)


class SuperObject(GCObject):
    __slots__ = ("s_type", "s_obj", "s_obj_type")


# Strings CPython 3.11 has as static ``_Py_ID`` objects (Include/internal/pycore_global_strings.h)
# that the class machinery and the special methods use: interned at start-up, never allocated.
STATIC_IDS = (
    "__abs__", "__add__", "__and__", "__annotations__", "__bool__", "__build_class__",
    "__call__", "__class__", "__class_getitem__", "__classcell__", "__contains__", "__del__",
    "__delattr__", "__delete__", "__delitem__", "__dict__", "__dir__", "__divmod__", "__doc__",
    "__enter__", "__eq__", "__exit__", "__float__", "__floordiv__", "__format__", "__ge__",
    "__get__", "__getattr__", "__getattribute__", "__getitem__", "__gt__", "__hash__",
    "__iadd__", "__iand__", "__ifloordiv__", "__ilshift__", "__imatmul__", "__imod__",
    "__imul__", "__index__", "__init__", "__init_subclass__", "__instancecheck__", "__int__",
    "__invert__", "__ior__", "__ipow__", "__irshift__", "__isub__", "__iter__", "__itruediv__",
    "__ixor__", "__le__", "__len__", "__length_hint__", "__lshift__", "__lt__", "__main__",
    "__matmul__", "__missing__", "__mod__", "__module__", "__mro_entries__", "__mul__",
    "__name__", "__ne__", "__neg__", "__new__", "__next__", "__or__", "__pos__", "__pow__",
    "__prepare__", "__qualname__", "__radd__", "__rand__", "__rdivmod__", "__repr__",
    "__reversed__", "__rfloordiv__", "__rlshift__", "__rmatmul__", "__rmod__", "__rmul__",
    "__ror__", "__round__", "__rpow__", "__rrshift__", "__rshift__", "__rsub__",
    "__rtruediv__", "__rxor__", "__set__", "__set_name__", "__setattr__", "__setitem__",
    "__slots__", "__str__", "__sub__", "__subclasscheck__", "__subclasshook__", "__truediv__",
    "__trunc__", "__weakref__", "__xor__", "__floor__", "__ceil__", "__complex__", "__bytes__",
    "__sizeof__", "__reduce__", "__reduce_ex__", "__match_args__", "__mro__", "__bases__",
    "__base__", "__func__", "__self__", "__wrapped__", "__objclass__", "__isabstractmethod__",
    "__copy__", "__deepcopy__", "__getstate__", "__setstate__", "__await__", "__aiter__",
    "__anext__", "__aenter__", "__aexit__", "__fspath__", "__getnewargs__",
    "__getnewargs_ex__", "__abstractmethods__", "__annotations__", "__kwdefaults__",
    "__defaults__", "__code__", "__globals__", "__closure__", "__builtins__", "__loader__",
    "__spec__", "__package__", "__file__", "__cached__", "__path__", "__import__",
)

DESCR_SIZE = 48
SUPER_SIZE = 40
PROXY_SIZE = 24


def _descr_traverse(d):
    return [d.d_type] if d.d_type is not None else []


def _descr_dealloc(heap, d):
    if d.gc_gen >= 0:
        heap.gc.untrack(d)
    t, n = d.d_type, d.d_name
    d.d_type = d.d_name = None
    heap.xdecref(t)
    heap.xdecref(n)
    heap.gc_del(d)


def _proxy_traverse(p):
    return [p.mapping]


def _proxy_dealloc(heap, p):
    if p.gc_gen >= 0:
        heap.gc.untrack(p)
    m = p.mapping
    p.mapping = None
    heap.decref(m)
    heap.gc_del(p)


def _super_traverse(s):
    return [o for o in (s.s_type, s.s_obj, s.s_obj_type) if o is not None]


def _super_dealloc(heap, s):
    if s.gc_gen >= 0:
        heap.gc.untrack(s)
    a, b, c = s.s_type, s.s_obj, s.s_obj_type
    s.s_type = s.s_obj = s.s_obj_type = None
    heap.xdecref(c)
    heap.xdecref(b)
    heap.xdecref(a)
    heap.gc_del(s)


def init(sp):
    """Register the descriptor, mappingproxy and super types and teach ``type`` about the
    extra references of classes made here."""
    heap = sp.heap
    G = TPFLAGS_HAVE_GC
    sp.member_descr_type = heap.register_static_type(make_static_type(
        "member_descriptor", DESCR_SIZE, 0, G, base=heap.object_type,
        dealloc=_descr_dealloc, traverse=_descr_traverse))
    sp.getset_descr_type = heap.register_static_type(make_static_type(
        "getset_descriptor", DESCR_SIZE, 0, G, base=heap.object_type,
        dealloc=_descr_dealloc, traverse=_descr_traverse))
    sp.mappingproxy_type = heap.register_static_type(make_static_type(
        "mappingproxy", PROXY_SIZE, 0, G, base=heap.object_type,
        dealloc=_proxy_dealloc, traverse=_proxy_traverse))
    sp.super_type = heap.register_static_type(make_static_type(
        "super", SUPER_SIZE, 0, G | TPFLAGS_BASETYPE, base=heap.object_type,
        dealloc=_super_dealloc, traverse=_super_traverse))
    sp.type_cache = {}
    sp.host_subclasses = {}
    sp.subclass_dicts = {}
    sp.static_subclasses = {}
    add_root_provider(heap, lambda: _subclass_roots(sp))
    for n in STATIC_IDS:
        static_interned_str(heap, n)
    type_type = heap.type_type
    old_traverse = type_type.tp_traverse
    old_clear = type_type.tp_clear
    old_dealloc = type_type.tp_dealloc

    def traverse(tp):
        out = list(old_traverse(tp))
        ext = tp.ext
        if isinstance(ext, HeapTypeExt):
            for o in (ext.mro_t, ext.bases_t, ext.slots_t, ext.name_obj, ext.qualname_obj):
                if o is not None:
                    out.append(o)
            if tp.ob_type is not type_type:
                out.append(tp.ob_type)
        return out

    def clear(heap_, tp):
        ext = tp.ext
        if isinstance(ext, HeapTypeExt):
            sp.type_cache.clear()
            m = ext.mro_t
            ext.mro_t = None
            heap_.xdecref(m)
        old_clear(heap_, tp)

    def dealloc(heap_, tp):
        ext = tp.ext
        meta = tp.ob_type
        if isinstance(ext, HeapTypeExt):
            remove_all_subclasses(sp, tp)
            d = ext.subclasses
            if d is not None:
                ext.subclasses = None
                sp.subclass_dicts.pop(tp, None)
                heap_.decref(d)
            sp.type_cache.clear()
            for f in ("mro_t", "bases_t", "slots_t", "name_obj", "qualname_obj"):
                o = getattr(ext, f)
                setattr(ext, f, None)
                heap_.xdecref(o)
        old_dealloc(heap_, tp)
        if meta is not type_type and meta.flags & TPFLAGS_HEAPTYPE:
            heap_.decref(meta)

    type_type.tp_traverse = traverse
    type_type.tp_clear = clear
    type_type.tp_dealloc = dealloc
    sp.type_dealloc = dealloc
    _patch_builtin_deallocs(heap)


def _patch_builtin_deallocs(heap):
    """The deallocs of builtin bases that a heap subtype reaches through subtype_dealloc:
    ``tp_free`` of the subtype (PyObject_GC_Del) instead of the exact type's free, and the
    separately allocated characters of a str subclass instance."""
    int_type = heap.int_type
    int_dealloc = int_type.tp_dealloc
    if getattr(int_dealloc, "_subtype_aware", False):
        return

    def int_dealloc_sub(heap_, obj, _d=int_dealloc):
        if obj.ob_type is int_type:
            _d(heap_, obj)
        else:
            heap_.tp_free(obj)
    int_dealloc_sub._subtype_aware = True
    int_type.tp_dealloc = int_dealloc_sub
    str_type = heap.str_type
    str_dealloc = str_type.tp_dealloc

    def str_dealloc_sub(heap_, obj, _d=str_dealloc):
        if obj.ob_type is not str_type:
            data = getattr(obj, "data", 0)
            if data:
                obj.data = 0
                heap_.free(data)
        _d(heap_, obj)
    str_type.tp_dealloc = str_dealloc_sub


class AsBuiltin:
    """Lets an instance of a builtin subclass (a list subclass, ...) go through the builtin
    code paths, which test exact types: its type reads as the builtin base meanwhile."""

    __slots__ = ("saved",)

    def __init__(self, objs):
        saved = []
        for o in objs:
            tp = o.ob_type
            if tp.flags & TPFLAGS_HEAPTYPE:
                ext = tp.ext
                bb = ext.builtin_base if isinstance(ext, HeapTypeExt) else None
                if bb is not None and bb.base is not None:    # not object itself
                    saved.append((o, tp))
                    o.ob_type = bb
        self.saved = saved

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        for o, tp in self.saved:
            o.ob_type = tp
        return False


def builtin_based(obj):
    """Whether obj's class is a class statement's subclass of a builtin other than object."""
    ext = obj.ob_type.ext
    return isinstance(ext, HeapTypeExt) and ext.builtin_base is not None and \
        ext.builtin_base.base is not None


# --- lookup --------------------------------------------------------------------------------

def _dict_find(d, name):
    for k, v in dict_items(d):
        if k.value == name and k.ob_type.name == "str":
            return v
    return None


def lookup(sp, tp, name):
    """``_PyType_Lookup``: the borrowed attribute ``name`` (host str) found along tp's MRO,
    or None.  Builtin types contribute their method descriptors."""
    key = (tp, name)
    cache = sp.type_cache
    try:
        return cache[key]
    except KeyError:
        pass
    res = None
    for t in (tp.mro or static_mro(tp)):
        d = t.dict
        if d is not None:
            res = _dict_find(d, name)
            if res is not None:
                break
        else:
            fn = sp.static_method_fn(t, name)
            if fn is not None:
                res = sp.descr(t, name, fn)
                break
    cache[key] = res
    return res


def heap_lookup(sp, tp, name):
    """The attribute found in the heap (Python-defined) part of tp's MRO, or None: where a
    special method overrides the builtin behaviour."""
    key = (tp, name, 1)
    cache = sp.type_cache
    try:
        return cache[key]
    except KeyError:
        pass
    res = None
    for t in (tp.mro or ()):
        if t.flags & TPFLAGS_HEAPTYPE and t.dict is not None:
            res = _dict_find(t.dict, name)
            if res is not None:
                break
    cache[key] = res
    return res


def invalidate(sp):
    sp.type_cache.clear()


def builtin_base(tp):
    """The nearest static (builtin) type in tp's base chain."""
    while tp.flags & TPFLAGS_HEAPTYPE:
        tp = tp.base
    return tp


# --- tp_subclasses ---------------------------------------------------------------------------
# A heap base keeps ``{id(sub): weakref(sub)}`` in a guest dict (``ext.subclasses``, made on the
# first subclass, dropped when emptied); a builtin base's dict existed before the program
# started, so only its entries (the int key and the weakref) are simulated, in
# ``sp.static_subclasses``.  type_traverse does not visit these; the audit learns of them
# through a root provider.

def add_subclass(sp, base, tp):
    heap = sp.heap
    key = new_int(heap, tp.addr)
    ref = new_ref(heap, tp)
    ext = base.ext
    if base.flags & TPFLAGS_HEAPTYPE and isinstance(ext, HeapTypeExt):
        d = ext.subclasses
        if d is None:
            d = ext.subclasses = dict_new(heap)
            sp.subclass_dicts[base] = d
        dict_setitem(heap, d, key, ref)
        heap.decref(ref)
        heap.decref(key)
    else:
        sp.static_subclasses.setdefault(base, {})[tp.addr] = (key, ref)


def remove_all_subclasses(sp, tp):
    heap = sp.heap
    for base in tp.bases or ():
        ext = base.ext
        if base.flags & TPFLAGS_HEAPTYPE and isinstance(ext, HeapTypeExt):
            d = ext.subclasses
            if d is None:
                continue
            key = new_int(heap, tp.addr)
            if dict_getitem(heap, d, key) is not None:
                dict_delitem(heap, d, key)
            heap.decref(key)
            if d.ma_used == 0:
                ext.subclasses = None
                sp.subclass_dicts.pop(base, None)
                heap.decref(d)
        else:
            reg = sp.static_subclasses.get(base)
            entry = reg.pop(tp.addr, None) if reg is not None else None
            if entry is not None:
                key = new_int(heap, tp.addr)
                heap.decref(entry[0])
                heap.decref(entry[1])
                heap.decref(key)


def subclasses_of(sp, tp):
    """The live subclasses of tp (``_PyType_GetSubclasses``), borrowed."""
    heap = sp.heap
    out = []
    ext = tp.ext
    if tp.flags & TPFLAGS_HEAPTYPE and isinstance(ext, HeapTypeExt):
        refs = [v for k, v in dict_items(ext.subclasses)] if ext.subclasses is not None else []
    else:
        # builtin types have subclasses from start-up (site's imports among them)
        raise Unsupported(f"__subclasses__() of the builtin type {tp.name}")
    for r in refs:
        o = get_object(heap, r)
        if o is not None and o is not heap.none:
            out.append(o)
    return out


def _subclass_roots(sp):
    for d in sp.subclass_dicts.values():
        yield d
    for reg in sp.static_subclasses.values():
        for key, ref in reg.values():
            yield key
            yield ref


def _set_item(sp, d, name, value):
    heap = sp.heap
    k = intern_string(heap, name)
    dict_setitem(heap, d, k, value)
    heap.decref(k)


def _del_item(sp, d, name):
    heap = sp.heap
    for k, v in dict_items(d):
        if k.value == name:
            dict_delitem(heap, d, k)
            return


# --- slot functions: user special methods as the C-level hooks -----------------------------

def _install_slots(sp, tp):
    """``fixup_slot_dispatchers`` for the hooks the object model calls: ``tp_finalize``
    (``__del__``), ``tp_hash`` and ``tp_eq``."""
    heap = sp.heap
    if heap_lookup(sp, tp, "__del__") is not None:
        def finalize(heap_, obj):
            slot_tp_finalize(sp, obj)
        tp.tp_finalize = finalize
    h = heap_lookup(sp, tp, "__hash__")
    eq = heap_lookup(sp, tp, "__eq__")
    if h is not None:
        if h is heap.none:
            tp.tp_hash = unhashable
        else:
            tp.tp_hash = lambda heap_, obj: slot_tp_hash(sp, obj)
    elif eq is not None and _defines_own(tp, "__eq__", "__hash__"):
        tp.tp_hash = unhashable
        _set_item(sp, tp.dict, "__hash__", heap.none)
        invalidate(sp)
    if eq is not None:
        def tp_eq(heap_, a, b):
            r = sp.rich_compare_user(a, b, "==")
            if r is None:
                return NotImplemented
            return r
        tp.tp_eq = tp_eq


def _defines_own(tp, name, other):
    """True when tp's own dict defines name and not other (``__eq__`` sets ``__hash__``
    to None unless the class defines ``__hash__`` too)."""
    return _dict_find(tp.dict, name) is not None and _dict_find(tp.dict, other) is None


def slot_tp_finalize(sp, obj):
    """``slot_tp_finalize``: call ``__del__``; exceptions are unraisable."""
    heap = sp.heap
    interp = sp.interp
    saved = interp.exc_info
    m = lookup(sp, obj.ob_type, "__del__")
    if m is None:
        return
    try:
        r = call_descr_method(sp, m, obj, [])
        heap.decref(r)
    except GuestException as ge:
        _unraisable(sp, ge.exc, m)
    except GuestError as err:
        ge = interp.materialize(err)
        _unraisable(sp, ge.exc, m)
    finally:
        interp.exc_info = saved


def _unraisable(sp, exc, context):
    wu = sp.heap.write_unraisable
    if wu is not None:
        wu(exc, context)


def slot_tp_hash(sp, obj):
    heap = sp.heap
    m = lookup(sp, obj.ob_type, "__hash__")
    r = call_descr_method(sp, m, obj, [])
    try:
        if r.ob_type is not heap.int_type and r.ob_type is not heap.bool_type:
            if r.ob_type.flags & TPFLAGS_HEAPTYPE and is_subtype(r.ob_type, heap.int_type):
                v = r.value
            else:
                raise GuestError("TypeError", "__hash__ method should return an integer")
        else:
            v = r.value if r.ob_type is heap.int_type else int(r is heap.true)
    finally:
        heap.decref(r)
    v = hash(v)
    return v


def call_descr_method(sp, m, obj, args, kw=None):
    """Call the special method m (found on type(obj)) with obj as self: functions are called
    unbound (``vectorcall_method``), other descriptors are bound first."""
    if isinstance(m, FunctionObject):
        return sp.call(m, [obj] + list(args), kw)
    heap = sp.heap
    g = descr_get(sp, m, obj, obj.ob_type)
    try:
        return sp.call(g, list(args), kw)
    finally:
        heap.decref(g)


def call_special(sp, obj, name, args, kw=None):
    """Call ``type(obj).name(obj, *args)``: a new reference, or None when the type does not
    define name in its Python part."""
    m = heap_lookup(sp, obj.ob_type, name)
    if m is None:
        return None
    return call_descr_method(sp, m, obj, args, kw)


# --- descriptors --------------------------------------------------------------------------

def descr_get(sp, descr, obj, tp):
    """``tp_descr_get(descr, obj, type)``: a new reference (obj None for class access)."""
    heap = sp.heap
    if isinstance(descr, FunctionObject):
        if obj is None or obj is heap.none and False:
            descr.ob_refcnt += 1
            return descr
        return method_new(heap, descr, obj)
    if isinstance(descr, StaticMethodObject):
        c = descr.sm_callable
        c.ob_refcnt += 1
        return c
    if isinstance(descr, ClassMethodObject):
        c = descr.cm_callable
        if isinstance(c, FunctionObject) or True:
            return method_new(heap, c, tp)
    if isinstance(descr, PropertyObject):
        if obj is None:
            descr.ob_refcnt += 1
            return descr
        if descr.prop_get is None:
            pname = descr.prop_name
            if pname is not None:
                raise GuestError("AttributeError", f"property '{pname.value}' of "
                                 f"'{obj.ob_type.name}' object has no getter")
            raise GuestError("AttributeError", "unreadable attribute")
        return sp.call(descr.prop_get, [obj], None)
    if isinstance(descr, DescrObject):
        if obj is None:
            descr.ob_refcnt += 1
            return descr
        if descr.kind is None:
            v = instance_get_slot(heap, obj, descr.index)
            v.ob_refcnt += 1
            return v
        if descr.kind == "__dict__":
            d = _get_dict(sp, obj)
            d.ob_refcnt += 1
            return d
        wl = getattr(obj, "weaklist", None)
        if wl is None:
            return sp.none()
        r = _first_ref(sp, obj)
        r.ob_refcnt += 1
        return r
    if isinstance(descr, MethodDescr):
        if getattr(descr.fn, "meth_class", False):
            # METH_CLASS: bound to the class, whether reached from the class or an instance
            cls = tp if obj is None or obj is tp else obj.ob_type
            if cls.flags & TPFLAGS_HEAPTYPE and descr.objtype is heap.dict_type and \
                    descr.name == "fromkeys":
                return cfunction_new(heap, _subclass_fromkeys_def(sp), self=cls)
            return cfunction_new(heap, descr.mdef, self=cls)
        if obj is None:
            descr.ob_refcnt += 1
            return descr
        return cfunction_new(heap, descr.mdef, self=obj)
    dt = descr.ob_type
    if dt.flags & TPFLAGS_HEAPTYPE:
        g = lookup(sp, dt, "__get__")
        if g is not None:
            return call_descr_method(sp, g, descr, [obj if obj is not None else heap.none, tp])
    descr.ob_refcnt += 1
    return descr


def _subclass_fromkeys_def(sp):
    """``dict.fromkeys`` on a subclass: ``cls()`` filled through ``__setitem__``."""
    mdef = getattr(sp, "_fromkeys_def", None)
    if mdef is None:

        def fromkeys(sp_, cls, args, kw):
            heap = sp_.heap
            if kw:
                raise GuestError("TypeError", "fromkeys() takes no keyword arguments")
            if not 1 <= len(args) <= 2:
                raise GuestError("TypeError", f"fromkeys expected at least 1 argument, got "
                                 f"{len(args)}" if not args else
                                 f"fromkeys expected at most 2 arguments, got {len(args)}")
            value = args[1] if len(args) == 2 else heap.none
            d = sp_.call(cls, [], None)
            try:
                for k in sp_.collect(args[0]):
                    try:
                        sp_.setitem(d, k, value)
                    finally:
                        heap.decref(k)
            except BaseException:
                heap.decref(d)
                raise
            return d
        mdef = MethodDef(sp.heap, "fromkeys", fromkeys, METH_FASTCALL | METH_KEYWORDS)
        sp._fromkeys_def = mdef
    return mdef


def _first_ref(sp, obj):
    return obj.weaklist


def has_get(sp, descr):
    if isinstance(descr, (FunctionObject, StaticMethodObject, ClassMethodObject,
                          PropertyObject, DescrObject)):
        return True
    dt = descr.ob_type
    if dt.flags & TPFLAGS_HEAPTYPE:
        return lookup(sp, dt, "__get__") is not None
    return isinstance(descr, MethodDescr)


def is_data_descr(sp, descr):
    if isinstance(descr, (PropertyObject, DescrObject)):
        return True
    dt = descr.ob_type
    if dt.flags & TPFLAGS_HEAPTYPE:
        return lookup(sp, dt, "__set__") is not None or lookup(sp, dt, "__delete__") is not None
    return False


def descr_set(sp, descr, obj, value, name):
    """``tp_descr_set``: True if descr handled the store (value None: delete)."""
    heap = sp.heap
    if isinstance(descr, PropertyObject):
        fn = descr.prop_set if value is not None else descr.prop_del
        if fn is None:
            pname = descr.prop_name
            what = "setter" if value is not None else "deleter"
            if pname is not None:
                raise GuestError("AttributeError", f"property '{pname.value}' of "
                                 f"'{obj.ob_type.name}' object has no {what}")
            raise GuestError("AttributeError", "can't set attribute" if value is not None
                             else "can't delete attribute")
        r = sp.call(fn, [obj] if value is None else [obj, value], None)
        heap.decref(r)
        return True
    if isinstance(descr, DescrObject):
        if descr.kind is None:
            if value is None:
                v = obj.slots[descr.index]
                if v is None:
                    raise GuestError("AttributeError", descr.d_name.value)
            instance_set_slot(heap, obj, descr.index, value)
            return True
        if descr.kind == "__dict__":
            if value is None:
                # subtype_setdict(NULL): materialise, then drop the dict
                _get_dict(sp, obj)
                old = obj.dict
                obj.dict = None
                heap.xdecref(old)
                return True
            if not is_subtype(value.ob_type, heap.dict_type):
                raise GuestError("TypeError", "__dict__ must be set to a dictionary, not a "
                                 f"'{value.ob_type.name}'")
            _get_dict(sp, obj)
            old = obj.dict
            value.ob_refcnt += 1
            obj.dict = value
            heap.decref(old)
            return True
        raise GuestError("AttributeError", "attribute '__weakref__' of "
                         f"'{descr.d_type.name}' objects is not writable")
    dt = descr.ob_type
    if dt.flags & TPFLAGS_HEAPTYPE:
        if value is None:
            m = lookup(sp, dt, "__delete__")
            if m is None:
                if lookup(sp, dt, "__set__") is not None:
                    raise GuestError("AttributeError", "__delete__")
                return False
            r = call_descr_method(sp, m, descr, [obj])
        else:
            m = lookup(sp, dt, "__set__")
            if m is None:
                if lookup(sp, dt, "__delete__") is not None:
                    raise GuestError("AttributeError", "__set__")
                return False
            r = call_descr_method(sp, m, descr, [obj, value])
        heap.decref(r)
        return True
    return False


def _get_dict(sp, obj):
    """The instance's ``__dict__`` (borrowed), materialised if need be."""
    heap = sp.heap
    if isinstance(obj, ExcObject):
        if obj.ex_dict is None:
            obj.ex_dict = dict_new(heap)
        return obj.ex_dict
    if _has_vardict(obj.ob_type):
        if obj.dict is None:
            obj.dict = _new_vardict(sp, obj.ob_type)
        return obj.dict
    return instance_get_dict(heap, obj)


def _has_vardict(tp):
    ext = tp.ext
    return isinstance(ext, HeapTypeExt) and ext.vardict


def _new_vardict(sp, tp):
    """``_PyObjectDict_SetItem``'s new dict for a dict at ``tp_dictoffset``: split on the
    class's cached keys."""
    keys = tp.cached_keys
    if keys is None:
        return dict_new(sp.heap)
    keys.refcnt += 1
    return new_dict_with_shared_keys(sp.heap, keys)


def _instance_dict_lookup(sp, obj, nameobj):
    heap = sp.heap
    if isinstance(obj, ExcObject):
        d = obj.ex_dict
        if d is None:
            return None
        return dict_getitem(heap, d, nameobj)
    if obj.ob_type.flags & TPFLAGS_MANAGED_DICT:
        return instance_getattr(heap, obj, nameobj)
    d = getattr(obj, "dict", None)
    if d is not None:
        return dict_getitem(heap, d, nameobj)
    return None


# --- the generic attribute protocol --------------------------------------------------------

def generic_getattr(sp, obj, nameobj, suppress=False):
    """``PyObject_GenericGetAttr`` for instances of classes made here: a new reference.
    With suppress, a missing attribute returns None instead of raising."""
    heap = sp.heap
    tp = obj.ob_type
    name = nameobj.value
    descr = lookup(sp, tp, name)
    if descr is not None:
        if is_data_descr(sp, descr):
            return descr_get(sp, descr, obj, tp)
    v = _instance_dict_lookup(sp, obj, nameobj)
    if v is not None:
        v.ob_refcnt += 1
        return v
    if descr is not None:
        if has_get(sp, descr):
            return descr_get(sp, descr, obj, tp)
        descr.ob_refcnt += 1
        return descr
    if name == "__class__":
        tp.ob_refcnt += 1
        return tp
    if name == "__dict__" and (tp.flags & TPFLAGS_MANAGED_DICT or _has_vardict(tp) or
                               isinstance(obj, ExcObject)):
        d = _get_dict(sp, obj)
        d.ob_refcnt += 1
        return d
    try:
        bb = tp.ext.builtin_base if isinstance(tp.ext, HeapTypeExt) else None
        if bb is not None and bb is not heap.object_type and not isinstance(obj, TypeObject):
            with AsBuiltin((obj,)):
                return sp.builtin_getattr(obj, name)
        return sp.builtin_getattr(obj, name)
    except GuestError as e:
        if e.kind != "AttributeError":
            raise
    if suppress:
        return None
    raise GuestError("AttributeError", f"'{tp.name}' object has no attribute '{name}'")


def getattr_obj(sp, obj, nameobj):
    """``PyObject_GetAttr`` on an instance of a heap type, with ``__getattribute__`` and
    ``__getattr__`` (``slot_tp_getattr_hook``)."""
    tp = obj.ob_type
    ga = heap_lookup(sp, tp, "__getattribute__")
    gattr = heap_lookup(sp, tp, "__getattr__")
    if ga is None:
        if gattr is None:
            return generic_getattr(sp, obj, nameobj)
        try:
            return generic_getattr(sp, obj, nameobj)
        except GuestError as e:
            if e.kind != "AttributeError":
                raise
        except GuestException as ge:
            if not _is_attr_error(sp, ge.exc):
                raise
            sp.heap.decref(ge.exc)
        return call_descr_method(sp, gattr, obj, [nameobj])
    try:
        return call_descr_method(sp, ga, obj, [nameobj])
    except GuestException as ge:
        if gattr is None or not _is_attr_error(sp, ge.exc):
            raise
        sp.heap.decref(ge.exc)
    return call_descr_method(sp, gattr, obj, [nameobj])


def _is_attr_error(sp, exc):
    return is_subtype(exc.ob_type, sp.exc_types["AttributeError"])


def generic_setattr(sp, obj, nameobj, value):
    """``PyObject_GenericSetAttr`` (value None: delete)."""
    heap = sp.heap
    tp = obj.ob_type
    name = nameobj.value
    descr = lookup(sp, tp, name)
    if descr is not None and descr_set(sp, descr, obj, value, name):
        return
    if name == "__class__" and descr is None:
        return object_set_class(sp, obj, value)
    if isinstance(obj, ExcObject):
        if value is None:
            d = obj.ex_dict
            if d is None or dict_getitem(heap, d, nameobj) is None:
                raise GuestError("AttributeError", f"'{tp.name}' object has no attribute "
                                 f"'{name}'")
            dict_delitem(heap, d, nameobj)
        else:
            if name in ("args", "__cause__", "__context__", "__traceback__"):
                return sp.builtin_setattr(obj, name, value)
            dict_setitem(heap, _get_dict(sp, obj), nameobj, value)
        return
    if not tp.flags & TPFLAGS_MANAGED_DICT and _has_vardict(tp):
        d = obj.dict
        if value is None:
            if d is None or dict_getitem(heap, d, nameobj) is None:
                raise GuestError("AttributeError", f"'{tp.name}' object has no attribute "
                                 f"'{name}'")
            dict_delitem(heap, d, nameobj)
        else:
            dict_setitem(heap, _get_dict(sp, obj), nameobj, value)
        return
    if not tp.flags & TPFLAGS_MANAGED_DICT:
        if descr is None:
            raise GuestError("AttributeError", f"'{tp.name}' object has no attribute '{name}'")
        raise GuestError("AttributeError", f"'{tp.name}' object attribute '{name}' is "
                         "read-only")
    if value is None:
        try:
            instance_delattr(heap, obj, nameobj)
        except GuestError as e:
            if e.kind == "AttributeError":
                raise GuestError("AttributeError", f"'{tp.name}' object has no attribute "
                                 f"'{name}'") from None
            raise
    else:
        instance_setattr(heap, obj, nameobj, value)


def _layout(tp):
    return (builtin_base(tp), tp.basicsize, tp.itemsize, tp.slot_names,
            bool(tp.flags & TPFLAGS_MANAGED_DICT), tp.weakrefable,
            isinstance(tp.ext, HeapTypeExt) and tp.ext.vardict)


def object_set_class(sp, obj, value):
    """``object_set_class``: ``obj.__class__ = value``."""
    heap = sp.heap
    oldto = obj.ob_type
    if value is None:
        raise GuestError("TypeError", "can't delete __class__ attribute")
    if not isinstance(value, TypeObject):
        raise GuestError("TypeError", "__class__ must be set to a class, not "
                         f"'{value.ob_type.name}' object")
    newto = value
    if not (newto.flags & TPFLAGS_HEAPTYPE and oldto.flags & TPFLAGS_HEAPTYPE):
        raise GuestError("TypeError", "__class__ assignment only supported for mutable types "
                         "or ModuleType subclasses")
    if _layout(newto) != _layout(oldto):
        if builtin_base(newto) is not builtin_base(oldto):
            raise GuestError("TypeError", f"__class__ assignment: '{newto.name}' deallocator "
                             f"differs from '{oldto.name}'")
        raise GuestError("TypeError", f"__class__ assignment: '{newto.name}' object layout "
                         f"differs from '{oldto.name}'")
    if oldto.flags & TPFLAGS_MANAGED_DICT and getattr(obj, "values", None) is not None:
        instance_get_dict(heap, obj)
    newto.ob_refcnt += 1
    obj.ob_type = newto
    heap.decref(oldto)


def setattr_obj(sp, obj, nameobj, value):
    """``PyObject_SetAttr`` on an instance of a heap type (``__setattr__``/``__delattr__``)."""
    tp = obj.ob_type
    if value is None:
        m = heap_lookup(sp, tp, "__delattr__")
        if m is not None:
            sp.heap.decref(call_descr_method(sp, m, obj, [nameobj]))
            return
    else:
        m = heap_lookup(sp, tp, "__setattr__")
        if m is not None:
            sp.heap.decref(call_descr_method(sp, m, obj, [nameobj, value]))
            return
    generic_setattr(sp, obj, nameobj, value)


# --- attributes of classes -------------------------------------------------------------------

def type_getattr(sp, tp, nameobj, suppress=False):
    """``type_getattro``: a new reference."""
    heap = sp.heap
    name = nameobj.value
    meta = tp.ob_type
    meta_attr = None
    if meta.flags & TPFLAGS_HEAPTYPE:
        meta_attr = lookup(sp, meta, name)
        if meta_attr is not None and is_data_descr(sp, meta_attr):
            return descr_get(sp, meta_attr, tp, meta)
    elif name in _TYPE_METHODS:
        meta_attr = lookup(sp, meta, name)
    special = _type_special(sp, tp, name)
    if special is not None:
        return special
    attr = lookup(sp, tp, name)
    if attr is not None:
        if isinstance(attr, (FunctionObject, PropertyObject)):
            attr.ob_refcnt += 1
            return attr
        if isinstance(attr, DescrObject):
            attr.ob_refcnt += 1
            return attr
        if has_get(sp, attr):
            return descr_get(sp, attr, None, tp)
        attr.ob_refcnt += 1
        return attr
    if meta_attr is not None:
        if has_get(sp, meta_attr):
            return descr_get(sp, meta_attr, tp, meta)
        meta_attr.ob_refcnt += 1
        return meta_attr
    if suppress:
        return None
    raise GuestError("AttributeError", f"type object '{tp.name}' has no attribute '{name}'")


_TYPE_METHODS = ("__subclasses__", "mro")


def _type_special(sp, tp, name):
    heap = sp.heap
    if name[:2] != "__":
        return None
    ext = tp.ext if isinstance(tp.ext, HeapTypeExt) else None
    if name == "__name__":
        if ext is not None and ext.name_obj is not None:
            return sp._incref(ext.name_obj)
        return new_str(heap, tp.name)
    if name == "__qualname__":
        if ext is not None and ext.qualname_obj is not None:
            return sp._incref(ext.qualname_obj)
        return new_str(heap, tp.qualname)
    if name == "__mro__":
        if ext is not None:
            return sp._incref(ext.mro_t)
        return sp.newtuple_borrowed(mro_of(tp))
    if name == "__bases__":
        if ext is not None:
            return sp._incref(ext.bases_t)
        return sp.newtuple_borrowed(tp.bases)
    if name == "__basicsize__":
        return sp.newint(tp.basicsize if tp.name != "str" or tp.flags & TPFLAGS_HEAPTYPE
                         else 80)
    if name == "__itemsize__":
        return sp.newint(tp.itemsize)
    if name == "__base__":
        b = tp.base
        return sp._incref(b) if b is not None else sp.none()
    if name == "__dict__":
        return new_proxy(sp, tp)
    if name == "__class__":
        return sp._incref(tp.ob_type)
    if name == "__module__" and not tp.flags & TPFLAGS_HEAPTYPE:
        return new_str(heap, tp.module)
    if name == "__doc__" and not tp.flags & TPFLAGS_HEAPTYPE:
        return sp.none()
    return None


def new_proxy(sp, tp):
    heap = sp.heap
    d = tp.dict
    if d is None:
        raise Unsupported(f"__dict__ of the builtin type {tp.name}")
    p = ProxyObject.__new__(ProxyObject)
    p.addr = heap.gc_alloc(sp.mappingproxy_type, PROXY_SIZE)
    p.ob_type = sp.mappingproxy_type
    p.ob_refcnt = 1
    p.gc_gen = UNTRACKED
    p.gc_refs = 0
    p.gc_flags = 0
    d.ob_refcnt += 1
    p.mapping = d
    heap.gc.track(p)
    return p


def type_setattr(sp, tp, nameobj, value):
    """``type_setattro`` (value None: delete)."""
    heap = sp.heap
    name = nameobj.value
    if not tp.flags & TPFLAGS_HEAPTYPE:
        raise GuestError("TypeError", f"cannot set '{name}' attribute of immutable type "
                         f"'{tp.name}'")
    meta = tp.ob_type
    if meta.flags & TPFLAGS_HEAPTYPE:
        m = lookup(sp, meta, name)
        if m is not None and descr_set(sp, m, tp, value, name):
            return
    if name in ("__name__", "__qualname__"):
        if value is None:
            raise GuestError("TypeError", f"cannot delete '{name}' attribute of immutable "
                             f"type '{tp.name}'" if False else
                             f"can't delete {tp.name}.{name}")
        if value.ob_type is not heap.str_type:
            raise GuestError("TypeError", f"can only assign string to {tp.name}.{name}, not "
                             f"'{value.ob_type.name}'")
        ext = tp.ext
        field = "name_obj" if name == "__name__" else "qualname_obj"
        if name == "__name__":
            tp.name = value.value
        else:
            tp.qualname = value.value
        if isinstance(ext, HeapTypeExt):
            old = getattr(ext, field)
            value.ob_refcnt += 1
            setattr(ext, field, value)
            heap.xdecref(old)
        return
    invalidate(sp)
    if value is None:
        if _dict_find(tp.dict, name) is None:
            raise GuestError("AttributeError", f"type object '{tp.name}' has no attribute "
                             f"'{name}'")
        dict_delitem(heap, tp.dict, nameobj)
    else:
        dict_setitem(heap, tp.dict, nameobj, value)
    invalidate(sp)
    if name in ("__del__", "__hash__", "__eq__"):
        for t in _all_subclasses(sp, tp):
            _install_slots(sp, t)


def _all_subclasses(sp, tp):
    return [tp]


# --- calling classes ------------------------------------------------------------------------

def type_call(sp, tp, args, kw):
    """``type_call``: a new reference to a new instance of the heap type tp."""
    heap = sp.heap
    meta = tp.ob_type
    if meta is not heap.type_type and meta.flags & TPFLAGS_HEAPTYPE:
        m = heap_lookup(sp, meta, "__call__")
        if m is not None:
            return call_descr_method(sp, m, tp, args, kw)
    argt = sp.newtuple_borrowed(args)
    kwd = None
    if kw:
        kwd = dict_new_presized(heap, len(kw))
        for k, v in kw.items():
            _set_item(sp, kwd, k, v)
    try:
        targs = list(argt.items)
        newf = heap_lookup(sp, tp, "__new__")
        if newf is not None:
            fn = newf.sm_callable if isinstance(newf, StaticMethodObject) else newf
            obj = sp.call(fn, [tp] + targs, kw)
        else:
            obj = base_new(sp, tp, targs, kw)
        if not is_subtype(obj.ob_type, tp):
            return obj
        try:
            initf = heap_lookup(sp, obj.ob_type, "__init__")
            if initf is not None:
                r = call_descr_method(sp, initf, obj, targs, kw)
                if r is not heap.none:
                    tn = r.ob_type.name
                    heap.decref(r)
                    raise GuestError("TypeError", f"__init__() should return None, not '{tn}'")
                heap.decref(r)
            else:
                base_init(sp, obj, targs, kw, newf is not None)
        except BaseException:
            heap.decref(obj)
            raise
        return obj
    finally:
        heap.decref(argt)
        heap.xdecref(kwd)


def base_new(sp, tp, args, kw, explicit=False):
    """The builtin ``__new__`` of tp's builtin base (``object_new``, ``BaseException_new``,
    ``list``/``dict``'s ``tp_alloc``)."""
    heap = sp.heap
    ext = tp.ext
    bb = builtin_base(tp)
    if bb is heap.object_type:
        if (args or kw):
            if explicit or heap_lookup(sp, tp, "__new__") is not None:
                raise GuestError("TypeError", "object.__new__() takes exactly one argument "
                                 "(the type to instantiate)")
            if heap_lookup(sp, tp, "__init__") is None:
                raise GuestError("TypeError", f"{tp.name}() takes no arguments")
        if not tp.flags & TPFLAGS_HEAPTYPE:
            return sp.call_type(tp, [], None)
        return instance_new(heap, tp)
    host = ext.host_cls if isinstance(ext, HeapTypeExt) else None
    if bb.flags & (1 << 30):
        if is_subtype(bb, sp.exc_types["BaseExceptionGroup"]):
            e = group_new(sp, tp, list(args), None)
        else:
            t = sp.newtuple_borrowed(args)
            slotted = host is not None and any(n is not None for n in tp.slot_names)
            # (a class with __slots__ gets the layout with room for its members)
            e = new_exception(heap, tp, t, host if slotted else ExcObject)
            heap.decref(t)
        if tp.flags & TPFLAGS_MANAGED_DICT:
            heap.decref(e)
            raise Unsupported("a managed __dict__ in exception classes")
        tp.ob_refcnt += 1
        return e
    if bb is heap.list_type or bb is heap.dict_type:
        op = _alloc_shell(sp, tp, host, tp.basicsize)
        if bb is heap.list_type:
            op.buf = 0
            op.items = []
            op.allocated = 0
        else:
            op.ma_keys = heap.dict_empty_keys
            op.ma_values = None
            op.ma_used = 0
        heap.gc.track(op)
        return op
    fill = _SUBTYPE_NEW.get(bb.name)
    if fill is None:
        raise Unsupported(f"instances of subclasses of {bb.name}")
    return fill(sp, tp, host, bb, args, kw)


def _alloc_shell(sp, tp, host, size):
    """``type->tp_alloc(type, n)`` (``_PyType_AllocNoTrack``): an untracked instance shell
    holding a reference to tp, with no dict, values, slots or weakrefs yet."""
    heap = sp.heap
    op = host.__new__(host)
    op.addr = heap.gc_alloc(tp, size)
    op.ob_type = tp
    op.ob_refcnt = 1
    op.gc_gen = UNTRACKED
    op.gc_refs = 0
    op.gc_flags = 0
    tp.ob_refcnt += 1
    op.values = None
    op.dict = None
    if not isinstance(op, ExcObject):
        op.weaklist = None
    n = len(tp.slot_names)
    op.slots = [None] * n if n else None
    return op


def _tmp_base(sp, bb, args, kw):
    """``xxx_new_impl(&PyXxx_Type, ...)``: the exact builtin value a subtype copies."""
    return sp.call_type(bb, list(args), kw)


def _new_int_sub(sp, tp, host, bb, args, kw):
    heap = sp.heap
    tmp = _tmp_base(sp, bb, args, kw)
    try:
        n = max(1, ndigits(tmp.value))
        op = _alloc_shell(sp, tp, host, tp.basicsize + (n + 1) * bb.itemsize)
        op.value = tmp.value
    finally:
        heap.decref(tmp)
    heap.gc.track(op)
    return op


def _new_scalar_sub(sp, tp, host, bb, args, kw):
    heap = sp.heap
    tmp = _tmp_base(sp, bb, args, kw)
    try:
        op = _alloc_shell(sp, tp, host, tp.basicsize)
        op.value = tmp.value
    finally:
        heap.decref(tmp)
    heap.gc.track(op)
    return op


def _new_str_sub(sp, tp, host, bb, args, kw):
    heap = sp.heap
    tmp = _tmp_base(sp, bb, args, kw)
    try:
        v = tmp.value
        op = _alloc_shell(sp, tp, host, tp.basicsize)
        op.value = v
        op.hash = tmp.hash if tmp.hash != -1 else -1
        op.kind = tmp.kind
        op.ascii = tmp.ascii
        op.interned = 0
        op.utf8 = 0
        op.utf8_length = 0
        op.data = heap.malloc((len(v) + 1) * tmp.kind)
    finally:
        heap.decref(tmp)
    heap.gc.track(op)
    return op


def _new_bytes_sub(sp, tp, host, bb, args, kw):
    heap = sp.heap
    tmp = _tmp_base(sp, bb, args, kw)
    try:
        op = _alloc_shell(sp, tp, host, tp.basicsize + len(tmp.value) + 1)
        op.value = tmp.value
        op.hash = tmp.hash
    finally:
        heap.decref(tmp)
    heap.gc.track(op)
    return op


def _new_tuple_sub(sp, tp, host, bb, args, kw):
    heap = sp.heap
    tmp = _tmp_base(sp, bb, args, kw)
    try:
        items = list(tmp.items)
        op = _alloc_shell(sp, tp, host, tp.basicsize + (len(items) + 1) * 8)
        for x in items:
            x.ob_refcnt += 1
        op.items = items
    finally:
        heap.decref(tmp)
    heap.gc.track(op)
    return op


def _new_set_sub(sp, tp, host, bb, args, kw):
    heap = sp.heap
    if bb is heap.set_type and kw and not heap_lookup(sp, tp, "__init__"):
        raise GuestError("TypeError", "set() takes no keyword arguments")
    if kw:
        raise GuestError("TypeError", f"{bb.name}() takes no keyword arguments")
    if len(args) > 1:
        raise GuestError("TypeError", f"{bb.name} expected at most 1 argument, got "
                         f"{len(args)}")
    so = _alloc_shell(sp, tp, host, tp.basicsize)
    so.fill = 0
    so.used = 0
    so.mask = SET_MINSIZE - 1
    so.keys = [None] * SET_MINSIZE
    so.hashes = [0] * SET_MINSIZE
    so.table_addr = 0
    so.hash = -1
    so.finger = 0
    heap.gc.track(so)
    if bb is heap.frozenset_type and args:
        try:
            set_update_internal(heap, so, args[0])
        except BaseException:
            heap.decref(so)
            raise
    return so


def _new_type_sub(sp, tp, host, bb, args, kw):
    # type.__new__ from type's method table (types/descrobject.py fills it)
    return sp.heap.type_type.tp_methods["__new__"](sp, tp, list(args), kw)


_SUBTYPE_NEW = {"type": _new_type_sub, "int": _new_int_sub, "float": _new_scalar_sub, "complex": _new_scalar_sub,
                "str": _new_str_sub, "bytes": _new_bytes_sub, "tuple": _new_tuple_sub,
                "set": _new_set_sub, "frozenset": _new_set_sub}


def _accepts_type(fn):
    try:
        return len(inspect.signature(fn).parameters) >= 2
    except (TypeError, ValueError):
        return False


def _init_instance_fields(sp, obj, tp):
    heap = sp.heap
    n = len(tp.slot_names)
    if not isinstance(obj, ExcObject):
        obj.values = None
        obj.dict = None
        obj.weaklist = None
    obj.slots = [None] * n if n else None
    if isinstance(obj, ExcObject):
        obj.values = None
        obj.dict = None
    if tp.flags & TPFLAGS_MANAGED_DICT:
        init_inline_values(heap, obj, tp)


def base_init(sp, obj, args, kw, new_overridden):
    heap = sp.heap
    tp = obj.ob_type
    bb = builtin_base(tp)
    if bb is heap.object_type:
        if args or kw:
            if heap_lookup(sp, tp, "__new__") is None:
                raise GuestError("TypeError", f"{tp.name}() takes no arguments")
        return
    if bb.flags & (1 << 30):
        if kw:
            raise GuestError("TypeError", f"{tp.name}() takes no keyword arguments")
        t = sp.newtuple_borrowed(args)
        old = obj.args
        obj.args = t
        heap.decref(old)
        return
    if bb is heap.set_type:
        if kw:
            raise GuestError("TypeError", f"{tp.name}() takes no keyword arguments")
        if len(args) > 1:
            raise GuestError("TypeError", f"set expected at most 1 argument, got {len(args)}")
        if obj.used:
            set_clear_internal(heap, obj)
        if args:
            set_update_internal(heap, obj, args[0])
        return
    if bb is heap.list_type:
        if args:
            items = sp.collect(args[0])
            for x in items:
                list_append(heap, obj, x)
                heap.decref(x)
        return
    if bb is heap.dict_type:
        if args:
            src = args[0]
            if src.ob_type is heap.dict_type or is_subtype(src.ob_type, heap.dict_type):
                for k, v in list(dict_items(src)):
                    dict_setitem(heap, obj, k, v)
            else:
                for pair in sp.collect(src):
                    k, v = pair.items
                    dict_setitem(heap, obj, k, v)
                    heap.decref(pair)
        if kw:
            for k, v in kw.items():
                _set_item(sp, obj, k, v)
        return


# --- the class statement (the rest is in types/type_new.py) ---------------------------------

def run_class_body(sp, func, ns):
    """Run the class body code (func borrowed) with ns as its locals: the interpreter's
    frame factory and loop (vm/call.py ``run_class_body``), reached through ``sp.interp``."""
    return sp.interp.run_class_body(func, ns)


def ext_builtin_base(tp):
    """The builtin (static) type a class statement's class is laid out on, or None for
    other types."""
    ext = tp.ext
    if isinstance(ext, HeapTypeExt):
        return ext.builtin_base
    return None

"""Class creation (Objects/typeobject.c ``type_new`` and its helpers, ``best_base``,
``solid_base``, ``__set_name__``/``__init_subclass__``) and the class statement
(Python/bltinmodule.c ``builtin___build_class__``).  The class body runs through
typeobject.run_class_body.
"""

from heapsim.base.errors import GuestError, Unsupported
from heapsim.objects.bytesobject import BytesObject
from heapsim.objects.cellobject import CellObject
from heapsim.objects.complexobject import ComplexObject
from heapsim.objects.core import (
    GCObject, PyObject, TypeObject, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC, TPFLAGS_HEAPTYPE,
    TPFLAGS_MANAGED_DICT, TPFLAGS_READY, UNTRACKED, clear_dispatch_slots, preheader_size,
)
from heapsim.objects.dict_keys import new_shared_keys
from heapsim.objects.dictobject import (
    DictObject, dict_copy, dict_items, dict_new, dict_new_presized,
)
from heapsim.objects.floatobject import FloatObject
from heapsim.objects.funcobject import (
    ClassMethodObject, FunctionObject, PropertyObject, classmethod_new, staticmethod_new,
)
from heapsim.objects.instanceobject import (
    HEAP_TYPE_SIZE, MEMBER_DEF_SIZE, OBJECT_HEADER, instance_clear, instance_traverse, mangle,
    new_heap_type,
)
from heapsim.objects.listobject import ListObject
from heapsim.objects.longobject import IntObject
from heapsim.objects.setobject import SetObject
from heapsim.objects.tupleobject import TupleObject
from heapsim.objects.unicodeobject import StrObject, intern_string
from heapsim.interp.types.exceptions import ExcObject
from heapsim.interp.types.mro import c3_mro, is_subtype, mro_of
from heapsim.interp.types.typeobject import (
    DESCR_SIZE, DescrObject, HeapTypeExt, _del_item, _dict_find, _install_slots, _set_item,
    add_subclass, builtin_base, call_descr_method, descr_get, invalidate, lookup,
    run_class_body,
)


def solid_base(sp, tp):
    """The nearest base that adds to the layout (``solid_base``)."""
    heap = sp.heap
    while tp.flags & TPFLAGS_HEAPTYPE:
        ext = tp.ext
        if isinstance(ext, HeapTypeExt) and ext.slots_t is not None and tp.slot_names != tp.base.slot_names:
            return tp
        tp = tp.base
    return tp


def best_base(sp, bases):
    heap = sp.heap
    base = None
    winner = None
    for b in bases:
        if not isinstance(b, TypeObject):
            raise GuestError("TypeError", "bases must be types")
        if not b.flags & TPFLAGS_BASETYPE:
            raise GuestError("TypeError", f"type '{b.name}' is not an acceptable base type")
        cand = solid_base(sp, b)
        if winner is None:
            winner, base = cand, b
        elif is_subtype(winner, cand):
            pass
        elif is_subtype(cand, winner):
            winner, base = cand, b
        else:
            raise GuestError("TypeError", "multiple bases have instance lay-out conflict")
    return base


def _host_class_for(sp, base_host):
    cls = sp.host_subclasses.get(base_host)
    if cls is None:
        extra = ["values", "dict", "slots", "weaklist"]
        if not issubclass(base_host, GCObject):
            extra = ["gc_gen", "gc_refs", "gc_flags"] + extra
        if base_host.__name__ == "StrObject":
            extra.append("data")
        names = [n for n in extra
                 if not any(n in getattr(k, "__slots__", ()) for k in base_host.__mro__)]
        cls = type("Sub" + base_host.__name__, (base_host,), {"__slots__": tuple(names)})
        sp.host_subclasses[base_host] = cls
    return cls


def _builtin_hosts():
    return {"list": ListObject, "dict": DictObject, "type": TypeObject, "int": IntObject,
            "float": FloatObject, "complex": ComplexObject, "str": StrObject,
            "bytes": BytesObject, "tuple": TupleObject, "set": SetObject,
            "frozenset": SetObject}


_BUILTIN_HOST = {}


def _builtin_subtype(sp, name, base, slots, module, qualname, meta):
    """type_new's layout for a class whose solid base is a builtin other than object."""
    heap = sp.heap
    bb = builtin_base(base)
    hosts = _builtin_hosts()
    if bb.flags & (1 << 30):
        host = ExcObject
    else:
        host = hosts.get(bb.name)
        if host is None:
            raise Unsupported(f"subclassing the builtin type '{bb.name}'")
    exc = host is ExcObject
    is_type = host is TypeObject
    var_sized = bool(bb.itemsize) and not is_type
    base_vardict = isinstance(base.ext, HeapTypeExt) and getattr(base.ext, "vardict", False)
    may_add_dict = not base.flags & TPFLAGS_MANAGED_DICT and not exc and not is_type \
        and not base_vardict
    may_add_weak = not base.weakrefable and not is_type and not var_sized
    if base.flags & TPFLAGS_HEAPTYPE:
        may_add_weak = not base.weakrefable and not var_sized
    if exc and not base.flags & TPFLAGS_HEAPTYPE:
        may_add_weak = True
    add_dict = add_weak = False
    own = []
    if slots is None:
        add_dict, add_weak = may_add_dict, may_add_weak
    else:
        for s in slots:
            if s == "__dict__":
                add_dict = may_add_dict
            elif s == "__weakref__":
                add_weak = may_add_weak
            else:
                own.append(mangle(name, s))
        own.sort()
    if own and var_sized:
        raise GuestError("TypeError", "nonempty __slots__ not supported for subtype of "
                         f"'{bb.name}'")
    vardict = add_dict and var_sized
    if vardict:
        add_dict = False
    start = (base.basicsize - OBJECT_HEADER) // 8
    positions = list(base.slot_names)
    if own:
        positions.extend([None] * (start - len(positions)))
        positions.extend(own)
    basicsize = base.basicsize + 8 * len(own) + (8 if add_weak else 0) + (8 if vardict else 0)
    flags = (TPFLAGS_HEAPTYPE | TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC | TPFLAGS_READY
             | (base.flags & ~(TPFLAGS_HEAPTYPE | TPFLAGS_MANAGED_DICT) & ((1 << 32) - 1)
                & ~(1 << 8)))
    flags |= base.flags & TPFLAGS_MANAGED_DICT
    if add_dict:
        flags |= TPFLAGS_MANAGED_DICT
    tp = TypeObject.__new__(TypeObject)
    tp.addr = heap.gc_alloc(meta, HEAP_TYPE_SIZE + MEMBER_DEF_SIZE * (len(own) + 1))
    tp.ob_type = heap.type_type
    tp.ob_refcnt = 1
    tp.gc_gen = UNTRACKED
    tp.gc_refs = 0
    tp.gc_flags = 0
    heap.gc.track(tp)
    tp.name = name
    tp.qualname = qualname
    tp.module = module
    tp.basicsize = basicsize
    tp.itemsize = base.itemsize
    tp.flags = flags
    base.ob_refcnt += 1
    tp.base = base
    tp.bases = (base,)
    tp.mro = (tp,) + mro_of(base)
    tp.dict = None
    tp.is_gc = True
    tp.preheader = preheader_size(flags)
    tp.tp_dealloc = heap.subtype_dealloc
    base_traverse = bb.tp_traverse or (lambda o: ())
    base_clear = bb.tp_clear or (lambda h, o: None)
    base_sizeof = bb.tp_sizeof

    def traverse(obj):
        out = list(base_traverse(obj))
        if getattr(obj, "slots", None) is not None or getattr(obj, "values", None) is not None \
                or getattr(obj, "dict", None) is not None:
            extra = instance_traverse(obj)
            out.extend(extra)
        else:
            out.append(obj.ob_type)
        return out

    def clear(heap_, obj):
        if getattr(obj, "slots", None) is not None or getattr(obj, "values", None) is not None \
                or getattr(obj, "dict", None) is not None:
            instance_clear(heap_, obj)
        base_clear(heap_, obj)

    if is_type or bb.name in ("int", "str", "dict"):
        def sizeof(obj):
            return base_sizeof(obj)
    elif bb.itemsize or bb.name in ("list", "set", "frozenset") or exc:
        extra = basicsize - bb.basicsize

        def sizeof(obj, _extra=extra):
            return base_sizeof(obj) + _extra
    else:
        def sizeof(obj):
            return obj.ob_type.basicsize
    if is_type:
        traverse, clear = base_traverse, base_clear
    tp.tp_traverse = traverse
    tp.tp_clear = clear
    tp.tp_sizeof = sizeof
    tp.tp_finalize = base.tp_finalize
    tp.tp_del = base.tp_del
    tp.tp_hash = base.tp_hash
    tp.tp_eq = base.tp_eq
    tp.tp_buffers = bb.tp_buffers
    if bb.name == "str":
        def buffers(obj, _b=bb.tp_buffers):
            return tuple(_b(obj)) + ((obj.data,) if getattr(obj, "data", 0) else ())
        tp.tp_buffers = buffers
    tp.trashcan = True
    tp.weakrefable = add_weak or base.weakrefable
    tp.weaklist = None
    tp.slot_names = tuple(positions)
    tp.host_class = None
    tp.ext = None
    clear_dispatch_slots(tp)
    if flags & TPFLAGS_MANAGED_DICT:
        tp.cached_keys = new_shared_keys(heap)
    else:
        tp.cached_keys = None
    return tp, _host_class_for(sp, host), vardict


def type_new(sp, meta, name, bases, ns, kw=None, bases_obj=None, name_obj=None):
    """``type(name, bases, ns)``: a new reference to a new class.  bases is a host list of
    borrowed types, ns a simulated dict (borrowed)."""
    heap = sp.heap
    if not isinstance(ns, PyObject) or ns.ob_type is not heap.dict_type and \
            not is_subtype(ns.ob_type, heap.dict_type):
        raise GuestError("TypeError", "type.__new__() argument 3 must be dict, not "
                         f"{ns.ob_type.name}")
    explicit_bases = list(bases)
    if not bases:
        bases = [heap.object_type]
    for b in bases:
        if not isinstance(b, TypeObject):
            raise GuestError("TypeError", "bases must be types")
    base = best_base(sp, bases)
    if len(set(map(id, bases))) != len(bases):
        raise GuestError("TypeError", f"duplicate base class {bases[0].name}")
    # __slots__
    slots = None
    slots_obj = _dict_find(ns, "__slots__")
    if slots_obj is not None:
        if slots_obj.ob_type is heap.str_type:
            slots = [slots_obj.value]
        else:
            slots = []
            for x in sp.collect(slots_obj):
                if x.ob_type is not heap.str_type:
                    heap.decref(x)
                    raise GuestError("TypeError", "__slots__ items must be strings, not "
                                     f"'{x.ob_type.name}'")
                slots.append(x.value)
                heap.decref(x)
        for s in slots:
            if not s.isidentifier():
                raise GuestError("TypeError", "__slots__ must be identifiers")
            if s != "__dict__" and s != "__weakref__" and _dict_find(ns, mangle(name, s)) is not None:
                raise GuestError("ValueError", f"'{s}' in __slots__ conflicts with class "
                                 "variable")
    qn = _dict_find(ns, "__qualname__")
    if qn is not None and qn.ob_type is not heap.str_type:
        raise GuestError("TypeError", "type __qualname__ must be a str, not "
                         f"{qn.ob_type.name}")
    qualname = qn.value if qn is not None else name
    mod = _dict_find(ns, "__module__")
    if mod is None:
        module = None
    else:
        module = mod.value if mod.ob_type is heap.str_type else "?"
    bb = builtin_base(base)
    host_cls = None
    vardict = False
    if bb is heap.object_type:
        tp = new_heap_type(heap, name, slots, base, module or "builtins", qualname)
        if meta is not heap.type_type:
            tp.ob_type = meta
            meta.ob_refcnt += 1
    else:
        tp, host_cls, vardict = _builtin_subtype(sp, name, base, slots, module or "builtins",
                                                 qualname, meta)
        if meta is not heap.type_type:
            tp.ob_type = meta
            meta.ob_refcnt += 1
    ext = HeapTypeExt()
    tp.ext = ext
    ext.host_cls = host_cls
    ext.builtin_base = bb
    ext.solid = None
    ext.vardict = vardict or (isinstance(base.ext, HeapTypeExt) and base.ext.vardict)
    ext.subclasses = None
    # ht_name and ht_qualname: the name object given and the __qualname__ of the namespace
    if name_obj is not None and name_obj.ob_type is heap.str_type:
        name_obj.ob_refcnt += 1
        ext.name_obj = name_obj
    else:
        ext.name_obj = intern_string(heap, name)
    if qn is not None:
        qn.ob_refcnt += 1
        ext.qualname_obj = qn
    else:
        ext.name_obj.ob_refcnt += 1
        ext.qualname_obj = ext.name_obj
    tp.bases = tuple(bases)
    if len(bases) > 1 or bases[0] is not base:
        try:
            tp.mro = c3_mro(tp, bases)
        except GuestError:
            # type_new's error path: the half-made class is released (Py_DECREF(type))
            ext.mro_t = ext.bases_t = ext.slots_t = None
            heap.decref(tp)
            raise
    else:
        tp.mro = (tp,) + mro_of(base)
        if len(explicit_bases) == 0 or True:
            tp.mro = c3_mro(tp, bases) if len(bases) > 1 else tp.mro
    # the bases tuple (a new tuple when none was given) and the mro tuple
    if bases_obj is not None and explicit_bases:
        bases_obj.ob_refcnt += 1
        ext.bases_t = bases_obj
    else:
        ext.bases_t = sp.newtuple_borrowed(bases)
    ext.mro_t = sp.newtuple_borrowed(tp.mro)
    ext.slots_t = None
    if slots is not None:
        # type_new_copy_slots: a list of the mangled names (not __dict__/__weakref__),
        # sorted, then turned into the ht_slots tuple
        names = sorted(mangle(name, s) for s in slots if s not in ("__dict__", "__weakref__"))
        tmp = sp.newlist([intern_string(heap, n) for n in names])
        ext.slots_t = sp.newtuple_borrowed(tmp.items)
        heap.decref(tmp)
    # the class dict
    d = dict_copy(heap, ns)
    tp.dict = d
    if mod is None:
        g = sp.interp.frame.globals if sp.interp.frame is not None else None
        gname = _dict_find(g, "__name__") if g is not None else None
        if gname is not None:
            _set_item(sp, d, "__module__", gname)
            tp.module = gname.value
    if qn is not None:
        _del_item(sp, d, "__qualname__")
    for special, wrap in (("__new__", staticmethod_new), ("__init_subclass__", classmethod_new),
                          ("__class_getitem__", classmethod_new)):
        f = _dict_find(d, special)
        if f is not None and isinstance(f, FunctionObject):
            w = wrap(heap, f)
            _set_item(sp, d, special, w)
            heap.decref(w)
    # member descriptors for own slots, then __dict__/__weakref__ getsets
    start = (base.basicsize - OBJECT_HEADER) // 8 if bb is heap.object_type or True else 0
    for i in range(len(tp.slot_names)):
        nm = tp.slot_names[i]
        if nm is not None and i >= len(base.slot_names):
            dsc = _new_descr(sp, sp.member_descr_type, tp, nm)
            dsc.index = i
            _set_item(sp, d, nm, dsc)
            heap.decref(dsc)
    adds_dict = tp.flags & TPFLAGS_MANAGED_DICT and not base.flags & TPFLAGS_MANAGED_DICT \
        or vardict
    adds_weak = tp.weakrefable and not base.weakrefable
    if bb is not heap.object_type and bb.flags & (1 << 30) and not base.flags & TPFLAGS_HEAPTYPE:
        adds_weak = tp.basicsize > base.basicsize and (slots is None or "__weakref__" in slots)
    if adds_dict:
        dsc = _new_descr(sp, sp.getset_descr_type, tp, "__dict__")
        dsc.kind = "__dict__"
        _set_item(sp, d, "__dict__", dsc)
        heap.decref(dsc)
    if adds_weak:
        dsc = _new_descr(sp, sp.getset_descr_type, tp, "__weakref__")
        dsc.kind = "__weakref__"
        _set_item(sp, d, "__weakref__", dsc)
        heap.decref(dsc)
    if _dict_find(d, "__doc__") is None:
        _set_item(sp, d, "__doc__", heap.none)
    cell = _dict_find(d, "__classcell__")
    if cell is not None:
        if not isinstance(cell, CellObject):
            raise GuestError("TypeError", f"__classcell__ must be a nonlocal cell, not "
                             f"{cell.ob_type.name}")
        old = cell.ob_ref
        tp.ob_refcnt += 1
        cell.ob_ref = tp
        heap.xdecref(old)
        _del_item(sp, d, "__classcell__")
    invalidate(sp)
    _install_slots(sp, tp)
    for b in tp.bases:
        add_subclass(sp, b, tp)
    try:
        _set_names(sp, tp)
        _init_subclass(sp, tp, kw)
    except BaseException:
        heap.decref(tp)
        raise
    return tp


def _new_descr(sp, dtype, tp, name):
    heap = sp.heap
    d = DescrObject.__new__(DescrObject)
    d.addr = heap.gc_alloc(dtype, DESCR_SIZE)
    d.ob_type = dtype
    d.ob_refcnt = 1
    d.gc_gen = UNTRACKED
    d.gc_refs = 0
    d.gc_flags = 0
    tp.ob_refcnt += 1
    d.d_type = tp
    d.d_name = intern_string(heap, name)
    d.index = -1
    d.kind = None
    heap.gc.track(d)
    return d


def _set_names(sp, tp):
    heap = sp.heap
    # type_new_set_names iterates over a copy of the class dict
    names_to_set = dict_copy(heap, tp.dict)
    pairs = list(dict_items(names_to_set))
    try:
        _set_names_pairs(sp, tp, pairs)
    finally:
        heap.decref(names_to_set)


def _set_names_pairs(sp, tp, pairs):
    heap = sp.heap
    for k, v in pairs:
        if isinstance(v, PropertyObject):
            if v.prop_name is None:
                k.ob_refcnt += 1
                v.prop_name = k
            continue
        if v.ob_type.flags & TPFLAGS_HEAPTYPE:
            m = lookup(sp, v.ob_type, "__set_name__")
            if m is not None:
                k.ob_refcnt += 1
                v.ob_refcnt += 1
                try:
                    r = call_descr_method(sp, m, v, [tp, k])
                    heap.decref(r)
                finally:
                    heap.decref(k)
                    heap.decref(v)


def _init_subclass(sp, tp, kw):
    heap = sp.heap
    for t in tp.mro[1:]:
        if t.flags & TPFLAGS_HEAPTYPE:
            f = _dict_find(t.dict, "__init_subclass__")
            if f is not None:
                if isinstance(f, ClassMethodObject):
                    r = sp.call(f.cm_callable, [tp], kw or None)
                else:
                    g = descr_get(sp, f, tp, tp)
                    try:
                        r = sp.call(g, [], kw or None)
                    finally:
                        heap.decref(g)
                heap.decref(r)
                return
    if kw:
        raise GuestError("TypeError", f"{tp.name}.__init_subclass__() takes no keyword "
                         "arguments")


def calculate_metaclass(sp, meta, bases):
    winner = meta
    for b in bases:
        t = b.ob_type
        if is_subtype(winner, t):
            continue
        if is_subtype(t, winner):
            winner = t
            continue
        raise GuestError("TypeError", "metaclass conflict: the metaclass of a derived class "
                         "must be a (non-strict) subclass of the metaclasses of all its bases")
    return winner


def build_class(sp, self_, args, kw):
    """``builtins.__build_class__(func, name, *bases, metaclass=None, **kw)``."""
    heap = sp.heap
    if len(args) < 2:
        raise GuestError("TypeError", "__build_class__: not enough arguments")
    func, nameobj = args[0], args[1]
    if not isinstance(func, FunctionObject):
        raise GuestError("TypeError", "__build_class__: func must be a function")
    bases = list(args[2:])
    mkw = None
    if kw:
        # _PyStack_AsDict: the keyword arguments as a dict, "metaclass" deleted from it
        mkw = dict_new_presized(heap, len(kw))
        for k, v in kw.items():
            _set_item(sp, mkw, k, v)
        if "metaclass" in kw:
            _del_item(sp, mkw, "metaclass")
    bases, keep = update_bases(sp, bases)
    try:
        return _build_class(sp, func, nameobj, bases, dict(kw) if kw else {},
                            keep[0] if keep else None)
    finally:
        heap.xdecref(mkw)
        for t in keep:
            heap.decref(t)


def update_bases(sp, bases):
    """``update_bases``: each base that is not a class replaced by what its
    ``__mro_entries__(orig_bases)`` returns (a generic alias gives its origin).  Returns the
    new bases and the tuples holding them, the original bases' tuple first (empty when no
    base changed)."""
    heap = sp.heap
    if all(isinstance(b, TypeObject) for b in bases):
        return bases, []
    orig = sp.newtuple_borrowed(bases)
    keep = [orig]
    out = []
    key = intern_string(heap, "__mro_entries__")
    try:
        for b in bases:
            m = None if isinstance(b, TypeObject) else sp.getattr_opt(b, key)
            if m is None:
                out.append(b)
                continue
            try:
                r = sp.call(m, [orig], None)
            finally:
                heap.decref(m)
            keep.append(r)
            if r.ob_type is not heap.tuple_type:
                raise GuestError("TypeError", "__mro_entries__ must return a tuple")
            out.extend(r.items)
    except BaseException:
        for t in keep:
            heap.decref(t)
        heap.decref(key)
        raise
    heap.decref(key)
    return out, keep


def _build_class(sp, func, nameobj, bases, kw, orig_bases=None):
    heap = sp.heap
    meta = kw.pop("metaclass", None)
    is_class = False
    if meta is None:
        meta = bases[0].ob_type if bases else heap.type_type
        is_class = True
    elif isinstance(meta, TypeObject):
        is_class = True
    if is_class and bases:
        meta = calculate_metaclass(sp, meta, bases)
    prep = None
    if isinstance(meta, TypeObject) and meta.flags & TPFLAGS_HEAPTYPE:
        prep = lookup(sp, meta, "__prepare__")
    if prep is not None:
        nt = sp.newtuple_borrowed(bases)
        try:
            if isinstance(prep, ClassMethodObject):
                ns = sp.call(prep.cm_callable, [meta, nameobj, nt], kw or None)
            else:
                g = descr_get(sp, prep, meta, meta)
                try:
                    ns = sp.call(g, [nameobj, nt], kw or None)
                finally:
                    heap.decref(g)
        finally:
            heap.decref(nt)
    else:
        ns = dict_new(heap)
    try:
        cell = run_class_body(sp, func, ns)
        try:
            if orig_bases is not None:
                k = intern_string(heap, "__orig_bases__")
                try:
                    sp.setitem(ns, k, orig_bases)
                finally:
                    heap.decref(k)
            if not isinstance(meta, TypeObject) or meta.flags & TPFLAGS_HEAPTYPE:
                nt = sp.newtuple_borrowed(bases)
                try:
                    cls = sp.call(meta, [nameobj, nt, ns], kw or None)
                finally:
                    heap.decref(nt)
            else:
                # type_call through _PyObject_MakeTpCall: the (name, bases, ns) args tuple
                nt = sp.newtuple_borrowed(bases)
                margs = sp.newtuple_borrowed([nameobj, nt, ns])
                try:
                    cls = type_new(sp, meta, nameobj.value, bases, ns, kw, nt, nameobj)
                finally:
                    heap.decref(margs)
                    heap.decref(nt)
        finally:
            heap.decref(cell)
    finally:
        heap.decref(ns)
    return cls

"""The guest builtins of the object protocol: ``type``, ``object``, ``super``, ``property``,
``staticmethod``, ``classmethod``, ``isinstance``, ``issubclass``, ``getattr``, ``setattr``,
``hasattr``, ``delattr``, ``vars``, ``dir`` and ``__build_class__`` (Objects/typeobject.c,
Objects/descrobject.c, Objects/funcobject.c, Python/bltinmodule.c).

``register(sp, module)`` stores them in the builtins module; ``install`` puts the type
constructors in the types' ``tp_vectorcall`` slots and their methods in ``tp_methods``.
"""

from heapsim.base.errors import GuestError, Unsupported
from heapsim.objects.core import (
    TypeObject, TPFLAGS_HEAPTYPE, UNTRACKED, add_methods, pointer_hash,
)
from heapsim.objects.dictobject import dict_getitem, dict_items, dict_new, dict_setitem
from heapsim.objects.moduleobject import ModuleObject
from heapsim.objects.instanceobject import instance_new
from heapsim.objects.methodobject import MethodDef, cfunction_new, METH_FASTCALL, METH_KEYWORDS
from heapsim.objects.funcobject import (
    FunctionObject, StaticMethodObject, ClassMethodObject, property_new,
    staticmethod_new, classmethod_new,
)
from heapsim.objects.cellobject import CellObject
from heapsim.objects.unicodeobject import intern_string, new_str
from heapsim.interp.types import typeobject as T
from heapsim.interp.types import type_new as TN
from heapsim.interp.types.frameobject import frame_locals
from heapsim.interp.types.unionobject import union_members


def _arity(name, args, lo, hi=None):
    hi = lo if hi is None else hi
    n = len(args)
    if lo <= n <= hi:
        return
    if lo == hi:
        raise GuestError("TypeError", f"{name} expected {lo} argument{'s' if lo != 1 else ''}, "
                         f"got {n}")
    if n < lo:
        raise GuestError("TypeError", f"{name} expected at least {lo} argument"
                         f"{'s' if lo != 1 else ''}, got {n}")
    raise GuestError("TypeError", f"{name} expected at most {hi} arguments, got {n}")


def _name_arg(sp, func, v):
    if v.ob_type is not sp.heap.str_type:
        raise GuestError("TypeError", f"attribute name must be string, not '{v.ob_type.name}'")
    return v


# --- isinstance / issubclass -----------------------------------------------------------------

def _check_class(sp, cls, what):
    if isinstance(cls, TypeObject):
        return
    raise GuestError("TypeError", what)


def object_isinstance(sp, obj, cls):
    heap = sp.heap
    if isinstance(cls, TypeObject):
        if obj.ob_type is cls:
            return True
        meta = cls.ob_type
        if meta is not heap.type_type and meta.flags & TPFLAGS_HEAPTYPE:
            m = T.heap_lookup(sp, meta, "__instancecheck__")
            if m is not None:
                r = T.call_descr_method(sp, m, cls, [obj])
                try:
                    return sp.truth(r)
                finally:
                    heap.decref(r)
        return T.is_subtype(obj.ob_type, cls)
    cls = union_members(cls) or cls
    if cls.ob_type is heap.tuple_type:
        return any(object_isinstance(sp, obj, c) for c in list(cls.items))
    r = _call_checker(sp, cls, "__instancecheck__", obj)
    if r is not None:
        return r
    raise GuestError("TypeError", "isinstance() arg 2 must be a type, a tuple of types, or a "
                     "union")


def _call_checker(sp, cls, name, arg):
    """``__instancecheck__``/``__subclasscheck__`` of an object that is not a class (looked up
    on its type, as ``_PyObject_LookupSpecial`` does): a host bool, or None without one."""
    m = sp.special_method(cls, name)
    if m is None:
        return None
    heap = sp.heap
    try:
        r = sp.call(m, [arg], None)
    finally:
        heap.decref(m)
    try:
        return sp.truth(r)
    finally:
        heap.decref(r)


def object_issubclass(sp, derived, cls):
    heap = sp.heap
    if isinstance(cls, TypeObject):
        meta = cls.ob_type
        if meta is not heap.type_type and meta.flags & TPFLAGS_HEAPTYPE:
            m = T.heap_lookup(sp, meta, "__subclasscheck__")
            if m is not None:
                r = T.call_descr_method(sp, m, cls, [derived])
                try:
                    return sp.truth(r)
                finally:
                    heap.decref(r)
        if not isinstance(derived, TypeObject):
            raise GuestError("TypeError", "issubclass() arg 1 must be a class")
        return T.is_subtype(derived, cls)
    cls = union_members(cls) or cls
    if cls.ob_type is heap.tuple_type:
        return any(object_issubclass(sp, derived, c) for c in list(cls.items))
    r = _call_checker(sp, cls, "__subclasscheck__", derived)
    if r is not None:
        return r
    if not isinstance(derived, TypeObject):
        raise GuestError("TypeError", "issubclass() arg 1 must be a class")
    raise GuestError("TypeError", "issubclass() arg 2 must be a class, a tuple of classes, or "
                     "a union")


def b_isinstance(sp, self, args, kw):
    _arity("isinstance", args, 2)
    return sp.newbool(object_isinstance(sp, args[0], args[1]))


def b_issubclass(sp, self, args, kw):
    _arity("issubclass", args, 2)
    return sp.newbool(object_issubclass(sp, args[0], args[1]))


# --- getattr family --------------------------------------------------------------------------

def b_getattr(sp, self, args, kw):
    if len(args) < 2:
        raise GuestError("TypeError", f"getattr expected at least 2 arguments, got {len(args)}")
    if len(args) > 3:
        raise GuestError("TypeError", f"getattr expected at most 3 arguments, got {len(args)}")
    name = _name_arg(sp, "getattr", args[1])
    if len(args) == 3:
        r = sp.getattr_opt(args[0], name)
        if r is None:
            d = args[2]
            d.ob_refcnt += 1
            return d
        return r
    return sp.getattr_name(args[0], name)


def b_hasattr(sp, self, args, kw):
    _arity("hasattr", args, 2)
    name = _name_arg(sp, "hasattr", args[1])
    r = sp.getattr_opt(args[0], name)
    if r is None:
        return sp.newbool(False)
    sp.heap.decref(r)
    return sp.newbool(True)


def b_setattr(sp, self, args, kw):
    _arity("setattr", args, 3)
    name = _name_arg(sp, "setattr", args[1])
    sp.setattr_name(args[0], name, args[2])
    return sp.none()


def b_delattr(sp, self, args, kw):
    _arity("delattr", args, 2)
    name = _name_arg(sp, "delattr", args[1])
    sp.setattr_name(args[0], name, None)
    return sp.none()


def b_vars(sp, self, args, kw):
    heap = sp.heap
    if not args:
        loc = frame_locals(heap, sp.interp.frame)
        loc.ob_refcnt += 1
        return loc
    _arity("vars", args, 0, 1)
    k = intern_string(heap, "__dict__")
    try:
        r = sp.getattr_opt(args[0], k)
    finally:
        heap.decref(k)
    if r is None:
        raise GuestError("TypeError", "vars() argument must have __dict__ attribute")
    return r


def module_dir(sp, mod):
    """``module.__dir__``: the result of ``__dict__['__dir__']()`` if the module has one,
    else the keys of its dict (a new reference)."""
    heap = sp.heap
    d = mod.md_dict
    k = intern_string(heap, "__dir__")
    try:
        f = dict_getitem(heap, d, k)
    finally:
        heap.decref(k)
    if f is not None:
        return sp.call(f, [], None)
    return sp.newlist([_incref_obj(key) for key, _ in dict_items(d)])


def _incref_obj(o):
    o.ob_refcnt += 1
    return o


def b_dir(sp, self, args, kw):
    heap = sp.heap
    names = set()
    if not args:
        loc = frame_locals(heap, sp.interp.frame)
        names = {k.value for k, v in dict_items(loc)}
    else:
        obj = args[0]
        tp = obj.ob_type
        m = None
        if tp.flags & TPFLAGS_HEAPTYPE:
            m = T.heap_lookup(sp, tp, "__dir__")
        elif tp.tp_methods is not None and "__dir__" in tp.tp_methods:
            m = T.lookup(sp, tp, "__dir__")      # a builtin type's own (a generic alias)
        if m is not None:
            r = T.call_descr_method(sp, m, obj, [])
        elif isinstance(obj, ModuleObject):
            r = module_dir(sp, obj)
        else:
            r = None
        if r is not None:
            try:
                items = sp.collect(r)
            finally:
                heap.decref(r)
            lst = sp.newlist(items)
            # list.sort from list's method table (methods/list_methods.py fills it)
            heap.decref(heap.list_type.tp_methods["sort"](sp, lst, [], None))
            return lst
        tps = T.mro_of(obj) if isinstance(obj, TypeObject) else T.mro_of(obj.ob_type)
        for t in tps:
            if t.dict is not None:
                names.update(k.value for k, v in dict_items(t.dict))
            else:
                names.update(t.tp_methods or ())
                if t is heap.object_type:
                    names.update(OBJECT_DIR)
        if not isinstance(obj, TypeObject):
            d = None
            try:
                d = T._get_dict(sp, obj) if obj.ob_type.flags & TPFLAGS_HEAPTYPE and \
                    (obj.ob_type.flags & (1 << 4) or hasattr(obj, "ex_dict")) else None
            except GuestError:
                d = None
            if d is not None:
                names.update(k.value for k, v in dict_items(d))
            names.add("__class__")
        else:
            names.update(("__name__", "__qualname__", "__mro__", "__bases__", "__base__"))
            names.difference_update(("__name__", "__qualname__", "__mro__", "__bases__", "__base__"))
    return sp.newlist([new_str(heap, n) for n in sorted(names)])


OBJECT_DIR = ("__class__", "__delattr__", "__dir__", "__doc__", "__eq__", "__format__",
              "__ge__", "__getattribute__", "__gt__", "__hash__", "__init__",
              "__init_subclass__", "__le__", "__lt__", "__ne__", "__new__", "__reduce__",
              "__reduce_ex__", "__repr__", "__setattr__", "__sizeof__", "__str__",
              "__subclasshook__")


# --- type and object -------------------------------------------------------------------------

def c_type(sp, tp, args, kw):
    heap = sp.heap
    if tp is heap.type_type and len(args) == 1 and not kw:
        t = args[0].ob_type
        t.ob_refcnt += 1
        return t
    if len(args) != 3:
        raise GuestError("TypeError", "type() takes 1 or 3 arguments")
    name, bases, ns = args
    if name.ob_type is not heap.str_type:
        raise GuestError("TypeError", "type.__new__() argument 1 must be str, not "
                         f"{name.ob_type.name}")
    if bases.ob_type is not heap.tuple_type:
        raise GuestError("TypeError", "type.__new__() argument 2 must be tuple, not "
                         f"{bases.ob_type.name}")
    meta = TN.calculate_metaclass(sp, tp, list(bases.items))
    if meta is not tp and meta.flags & TPFLAGS_HEAPTYPE:
        return sp.call(meta, list(args), kw)
    cls = TN.type_new(sp, meta, name.value, list(bases.items), ns, kw, bases, name)
    if tp.flags & TPFLAGS_HEAPTYPE:
        # a metaclass called directly: run its __init__ too (type_call)
        pass
    return cls


def type_new_method(sp, self_, args, kw):
    """``type.__new__(meta, name, bases, ns, **kw)``."""
    heap = sp.heap
    if not args or not isinstance(args[0], TypeObject):
        raise GuestError("TypeError", "type.__new__(X): X is not a type object")
    meta = args[0]
    rest = args[1:]
    if len(rest) == 1 and not kw:
        t = rest[0].ob_type
        t.ob_refcnt += 1
        return t
    if len(rest) != 3:
        raise GuestError("TypeError", "type.__new__() takes exactly 3 arguments (0 given)")
    name, bases, ns = rest
    meta = TN.calculate_metaclass(sp, meta, list(bases.items))
    return TN.type_new(sp, meta, name.value, list(bases.items), ns, kw, bases, name)


def type_init_method(sp, self_, args, kw):
    return sp.none()


def type_call_method(sp, self_, args, kw):
    """``type.__call__(cls, *args)``: the default instance creation (for a metaclass's
    ``super().__call__``)."""
    tp = args[0]
    return _plain_type_call(sp, tp, list(args[1:]), kw)


def _plain_type_call(sp, tp, args, kw):
    heap = sp.heap
    if tp.flags & TPFLAGS_HEAPTYPE:
        meta = tp.ob_type
        # bypass the metaclass __call__ (we are it)
        saved = tp.ob_type
        try:
            tp.ob_type = heap.type_type
            return T.type_call(sp, tp, args, kw)
        finally:
            tp.ob_type = saved
    return sp.call_type(tp, args, kw)


def object_new_method(sp, self_, args, kw):
    """``object.__new__(cls, *args)``."""
    heap = sp.heap
    if not args:
        raise GuestError("TypeError", "object.__new__(): not enough arguments")
    tp = args[0]
    if not isinstance(tp, TypeObject):
        raise GuestError("TypeError", f"object.__new__(X): X is not a type object "
                         f"({tp.ob_type.name})")
    rest = args[1:]
    if rest or kw:
        if T.heap_lookup(sp, tp, "__new__") is None or T.heap_lookup(sp, tp, "__init__") is None:
            if T.heap_lookup(sp, tp, "__new__") is not None:
                raise GuestError("TypeError", "object.__new__() takes exactly one argument "
                                 "(the type to instantiate)")
            if T.heap_lookup(sp, tp, "__init__") is None:
                raise GuestError("TypeError", f"{tp.name}() takes no arguments")
    if T.builtin_base(tp) is heap.object_type and tp.flags & TPFLAGS_HEAPTYPE:
        return instance_new(heap, tp)
    return T.base_new(sp, tp, [], None)


def object_init_method(sp, self_, args, kw):
    if not args:
        raise GuestError("TypeError", "descriptor '__init__' of 'object' object needs an "
                         "argument")
    obj = args[0]
    tp = obj.ob_type
    if len(args) > 1 or kw:
        if T.heap_lookup(sp, tp, "__init__") is not None:
            raise GuestError("TypeError", "object.__init__() takes exactly one argument (the "
                             "instance to initialize)")
        if T.heap_lookup(sp, tp, "__new__") is None:
            raise GuestError("TypeError", f"{tp.name}.__init__() takes exactly one argument "
                             "(the instance to initialize)")
    return sp.none()


def object_init_subclass(sp, self_, args, kw):
    if kw:
        cls = args[0] if args else None
        name = cls.name if isinstance(cls, TypeObject) else "object"
        raise GuestError("TypeError", f"{name}.__init_subclass__() takes no keyword arguments")
    return sp.none()


def object_repr_method(sp, self_, args, kw):
    obj = args[0]
    return new_str(sp.heap, sp.default_repr(obj))


def object_str_method(sp, self_, args, kw):
    return sp.repr(args[0])


def object_hash_method(sp, self_, args, kw):
    return sp.newint(pointer_hash(sp.heap, args[0]))


def object_eq_method(sp, self_, args, kw):
    a, b = args[0], args[1]
    if a is b:
        return sp.newbool(True)
    return sp._incref(sp.heap.not_implemented)


def object_ne_method(sp, self_, args, kw):
    a, b = args[0], args[1]
    r = sp.rich_compare_user(a, b, "==")
    if r is None:
        return sp._incref(sp.heap.not_implemented)
    return sp.newbool(not r)


def object_cmp_ni(sp, self_, args, kw):
    return sp._incref(sp.heap.not_implemented)


def object_setattr_method(sp, self_, args, kw):
    _arity("__setattr__", args, 3)
    obj, name, value = args
    T.generic_setattr(sp, obj, name, value) if obj.ob_type.flags & TPFLAGS_HEAPTYPE else \
        sp.setattr(obj, name.value, value)
    return sp.none()


def object_delattr_method(sp, self_, args, kw):
    _arity("__delattr__", args, 2)
    T.generic_setattr(sp, args[0], args[1], None)
    return sp.none()


def object_getattribute_method(sp, self_, args, kw):
    _arity("__getattribute__", args, 2)
    obj, name = args
    if isinstance(obj, TypeObject):
        return T.type_getattr(sp, obj, name)
    if obj.ob_type.flags & TPFLAGS_HEAPTYPE:
        return T.generic_getattr(sp, obj, name)
    return sp.builtin_getattr(obj, name.value)


def object_format_method(sp, self_, args, kw):
    obj, spec = args[0], args[1]
    if spec.value:
        raise GuestError("TypeError", "unsupported format string passed to "
                         f"{obj.ob_type.name}.__format__")
    return sp.str(obj)


def object_sizeof_method(sp, self_, args, kw):
    obj = args[0]
    return sp.newint(obj.ob_type.tp_sizeof(obj))


def object_dir_method(sp, self_, args, kw):
    return b_dir(sp, None, args[:1], None)


def object_reduce_ex(sp, self_, args, kw):
    raise Unsupported("__reduce_ex__")


def object_subclasshook(sp, self_, args, kw):
    return sp._incref(sp.heap.not_implemented)


def type_mro_method(sp, self_, args, kw):
    tp = args[0]
    return sp.newlist([sp._incref(t) for t in T.mro_of(tp)])


def type_subclasses_method(sp, self_, args, kw):
    tp = args[0]
    return sp.newlist([sp._incref(t) for t in T.subclasses_of(sp, tp)])


def type_prepare(sp, self_, args, kw):
    return dict_new(sp.heap)


def type_instancecheck(sp, self_, args, kw):
    return sp.newbool(T.is_subtype(args[1].ob_type, args[0]))


def type_subclasscheck(sp, self_, args, kw):
    return sp.newbool(T.is_subtype(args[1], args[0]))


# --- property / staticmethod / classmethod ---------------------------------------------------

def c_property(sp, tp, args, kw):
    heap = sp.heap
    names = ("fget", "fset", "fdel", "doc")
    vals = list(args) + [None] * (4 - len(args))
    if len(args) > 4:
        raise GuestError("TypeError", f"property() takes at most 4 arguments ({len(args)} "
                         "given)")
    for k, v in (kw or {}).items():
        if k not in names:
            raise GuestError("TypeError", f"property() got an unexpected keyword argument "
                             f"'{k}'")
        vals[names.index(k)] = v
    fget, fset, fdel, doc = vals
    fget_doc = None
    if (doc is None or doc is heap.none) and fget is not None and fget is not heap.none \
            and not isinstance(fget, FunctionObject):
        k = intern_string(heap, "__doc__")
        try:
            fget_doc = sp.getattr_opt(fget, k)
        finally:
            heap.decref(k)
    return property_new(heap, fget, fset, fdel, doc, fget_doc,
                        tp if tp is not heap.property_type else None)


def _prop_copy(sp, p, which, fn):
    heap = sp.heap
    vals = [p.prop_get, p.prop_set, p.prop_del]
    vals[which] = fn
    doc = None if p.getter_doc else p.prop_doc
    np = property_new(heap, vals[0], vals[1], vals[2], doc, None,
                      p.ob_type if p.ob_type is not heap.property_type else None)
    if p.prop_name is not None:
        p.prop_name.ob_refcnt += 1
        np.prop_name = p.prop_name
    return np


def prop_getter(sp, p, args, kw):
    return _prop_copy(sp, p, 0, args[0])


def prop_setter(sp, p, args, kw):
    return _prop_copy(sp, p, 1, args[0])


def prop_deleter(sp, p, args, kw):
    return _prop_copy(sp, p, 2, args[0])


def prop_set_name(sp, p, args, kw):
    name = args[1]
    name.ob_refcnt += 1
    old = p.prop_name
    p.prop_name = name
    sp.heap.xdecref(old)
    return sp.none()


def prop_get_method(sp, p, args, kw):
    obj = args[0]
    tp = args[1] if len(args) > 1 else None
    if obj is sp.heap.none:
        return sp._incref(p)
    return T.descr_get(sp, p, obj, tp)


def prop_set_method(sp, p, args, kw):
    T.descr_set(sp, p, args[0], args[1], None)
    return sp.none()


def prop_delete_method(sp, p, args, kw):
    T.descr_set(sp, p, args[0], None, None)
    return sp.none()


def c_staticmethod(sp, tp, args, kw):
    _arity("staticmethod", args, 1)
    heap = sp.heap
    return staticmethod_new(heap, args[0], tp if tp is not heap.staticmethod_type else None)


def c_classmethod(sp, tp, args, kw):
    _arity("classmethod", args, 1)
    heap = sp.heap
    return classmethod_new(heap, args[0], tp if tp is not heap.classmethod_type else None)


def _descr_check(sp, d, obj):
    if not T.is_subtype(obj.ob_type, d.d_type):
        raise GuestError("TypeError", f"descriptor '{d.d_name.value}' for '{d.d_type.name}' "
                         f"objects doesn't apply to a '{obj.ob_type.name}' object")


def descr_get_method(sp, d, args, kw):
    obj = args[0]
    if obj is sp.heap.none:
        return sp._incref(d)
    _descr_check(sp, d, obj)
    return T.descr_get(sp, d, obj, obj.ob_type)


def descr_set_method(sp, d, args, kw):
    _arity("__set__", args, 2)
    _descr_check(sp, d, args[0])
    T.descr_set(sp, d, args[0], args[1], d.d_name.value)
    return sp.none()


def descr_delete_method(sp, d, args, kw):
    _arity("__delete__", args, 1)
    _descr_check(sp, d, args[0])
    T.descr_set(sp, d, args[0], None, d.d_name.value)
    return sp.none()


def sm_get_method(sp, d, args, kw):
    return T.descr_get(sp, d, args[0], args[1] if len(args) > 1 else None)


def cm_get_method(sp, d, args, kw):
    obj = args[0]
    tp = args[1] if len(args) > 1 and args[1] is not sp.heap.none else obj.ob_type
    return T.descr_get(sp, d, obj, tp)


def func_get_method(sp, f, args, kw):
    obj = args[0]
    if obj is sp.heap.none:
        return sp._incref(f)
    return T.descr_get(sp, f, obj, None)


# --- super ---------------------------------------------------------------------------------

def c_super(sp, tp, args, kw):
    heap = sp.heap
    if kw:
        raise GuestError("TypeError", "super() takes no keyword arguments")
    if not args:
        f = sp.interp.frame
        dc = f.dc
        if dc.argcount == 0 and not dc.flags & 0x04:
            raise GuestError("RuntimeError", "super(): no arguments")
        first = f.localsplus[0]
        if isinstance(first, CellObject) and "__class__" != dc.localsplus_names[0] and \
                _is_cell_var(dc, 0):
            first = first.ob_ref
        if first is None:
            raise GuestError("RuntimeError", "super(): arg[0] deleted")
        cls = None
        names = dc.localsplus_names
        for i, n in enumerate(names):
            if n == "__class__":
                c = f.localsplus[i]
                if isinstance(c, CellObject):
                    cls = c.ob_ref
                    if cls is None:
                        raise GuestError("RuntimeError", "super(): empty __class__ cell")
                break
        else:
            raise GuestError("RuntimeError", "super(): __class__ cell not found")
        typ, obj = cls, first
    else:
        _arity("super", args, 1, 2)
        typ = args[0]
        obj = args[1] if len(args) == 2 else None
        if obj is heap.none:
            obj = None
    if not isinstance(typ, TypeObject):
        raise GuestError("TypeError", f"super() argument 1 must be a type, not "
                         f"{typ.ob_type.name}")
    obj_type = None
    if obj is not None:
        if isinstance(obj, TypeObject) and T.is_subtype(obj, typ):
            obj_type = obj
        elif T.is_subtype(obj.ob_type, typ):
            obj_type = obj.ob_type
        else:
            raise GuestError("TypeError", "super(type, obj): obj must be an instance or "
                             "subtype of type")
    s = T.SuperObject.__new__(T.SuperObject)
    st = sp.super_type
    s.addr = heap.gc_alloc(st, T.SUPER_SIZE)
    s.ob_type = st
    s.ob_refcnt = 1
    s.gc_gen = UNTRACKED
    s.gc_refs = 0
    s.gc_flags = 0
    typ.ob_refcnt += 1
    s.s_type = typ
    if obj is not None:
        obj.ob_refcnt += 1
        obj_type.ob_refcnt += 1
    s.s_obj = obj
    s.s_obj_type = obj_type
    heap.gc.track(s)
    return s


def _is_cell_var(dc, i):
    kinds = getattr(dc, "localsplus_kinds", None)
    if kinds is None:
        return True
    return bool(kinds[i] & 0x40)


def super_getattr(sp, s, nameobj):
    """``super_getattro``: a new reference."""
    heap = sp.heap
    name = nameobj.value
    st = s.s_obj_type
    if st is not None and name != "__class__":
        mro = T.mro_of(st)
        try:
            i = mro.index(s.s_type) + 1
        except ValueError:
            i = len(mro)
        for t in mro[i:]:
            if t.dict is not None:
                res = T._dict_find(t.dict, name)
            else:
                fn = sp.static_method_fn(t, name)
                res = sp.descr(t, name, fn) if fn is not None else None
            if res is not None:
                if T.has_get(sp, res):
                    obj = s.s_obj
                    if obj is st:
                        obj = None
                    if obj is None and name in ("__init_subclass__", "__subclasshook__"):
                        return T.descr_get(sp, res, st, st)
                    if isinstance(res, StaticMethodObject) or isinstance(res, ClassMethodObject) \
                            or obj is not None:
                        return T.descr_get(sp, res, obj, st)
                    if isinstance(res, FunctionObject):
                        return sp._incref(res)
                    return T.descr_get(sp, res, obj, st)
                res.ob_refcnt += 1
                return res
    if name == "__class__":
        return sp._incref(s.ob_type)
    if name == "__thisclass__":
        return sp._incref(s.s_type)
    if name == "__self__":
        return sp._incref(s.s_obj or heap.none)
    raise GuestError("AttributeError", f"'super' object has no attribute '{name}'")


def super_repr(sp, s):
    if s.s_obj_type is not None:
        return f"<super: <class '{s.s_type.name}'>, <{s.s_obj_type.name} object>>"
    return f"<super: <class '{s.s_type.name}'>, NULL>"


def exc_init_method(sp, self_, args, kw):
    heap = sp.heap
    e = args[0]
    if kw:
        raise GuestError("TypeError", f"{e.ob_type.name}() takes no keyword arguments")
    t = sp.newtuple_borrowed(args[1:])
    old = e.args
    e.args = t
    heap.xdecref(old)
    return sp.none()


def exc_str_method(sp, self_, args, kw):
    return new_str(sp.heap, sp.exc_str(args[0]))


def exc_repr_method(sp, self_, args, kw):
    return new_str(sp.heap, sp._builtin_repr_host(args[0]))


# --- registration ----------------------------------------------------------------------------

FUNCTIONS = {
    "isinstance": b_isinstance, "issubclass": b_issubclass, "getattr": b_getattr,
    "hasattr": b_hasattr, "setattr": b_setattr, "delattr": b_delattr, "vars": b_vars,
    "dir": b_dir, "__build_class__": lambda sp, s, a, k: TN.build_class(sp, s, a, k),
}


def _selfarg(fn):
    """The tables call ``fn(sp, self, args, kw)``; these functions take self as args[0]."""
    def method(sp, self_, args, kw):
        return fn(sp, None, [self_] + list(args), kw)
    method.__name__ = fn.__name__
    return method


def install(sp):
    """Constructors and builtin-type methods of the object protocol (at space creation)."""
    heap = sp.heap
    heap.type_type.tp_vectorcall = c_type
    heap.property_type.tp_vectorcall = c_property
    heap.staticmethod_type.tp_vectorcall = c_staticmethod
    heap.classmethod_type.tp_vectorcall = c_classmethod
    sp.super_type.tp_vectorcall = c_super
    add_methods(heap.object_type, {k: _selfarg(v) for k, v in {
        "__new__": object_new_method, "__init__": object_init_method,
        "__init_subclass__": object_init_subclass, "__repr__": object_repr_method,
        "__str__": object_str_method, "__hash__": object_hash_method,
        "__eq__": object_eq_method, "__ne__": object_ne_method, "__lt__": object_cmp_ni,
        "__le__": object_cmp_ni, "__gt__": object_cmp_ni, "__ge__": object_cmp_ni,
        "__setattr__": object_setattr_method, "__delattr__": object_delattr_method,
        "__getattribute__": object_getattribute_method, "__format__": object_format_method,
        "__sizeof__": object_sizeof_method, "__dir__": object_dir_method,
        "__subclasshook__": object_subclasshook,
    }.items()})
    add_methods(heap.type_type, {k: _selfarg(v) for k, v in {
        "__new__": type_new_method, "__init__": type_init_method, "__call__": type_call_method,
        "mro": type_mro_method, "__prepare__": type_prepare,
        "__subclasses__": type_subclasses_method,
        "__instancecheck__": type_instancecheck, "__subclasscheck__": type_subclasscheck,
    }.items()})
    add_methods(heap.property_type, {
        "getter": prop_getter, "setter": prop_setter, "deleter": prop_deleter,
        "__set_name__": prop_set_name, "__get__": prop_get_method,
        "__set__": prop_set_method, "__delete__": prop_delete_method,
    })
    for dtype in (sp.member_descr_type, sp.getset_descr_type):
        add_methods(dtype, {
            "__get__": descr_get_method, "__set__": descr_set_method,
            "__delete__": descr_delete_method})
    add_methods(heap.staticmethod_type, {"__get__": sm_get_method})
    add_methods(heap.classmethod_type, {"__get__": cm_get_method})
    add_methods(heap.function_type, {"__get__": func_get_method})


def install_exc_methods(sp):
    """The special methods of ``BaseException`` (once the exception types exist)."""
    add_methods(sp.exc_types["BaseException"], {k: _selfarg(v) for k, v in {
        "__init__": exc_init_method, "__str__": exc_str_method, "__repr__": exc_repr_method,
    }.items()})


def register(sp, module, md_dict=None):
    """Put the object-protocol builtins into the builtins module (or its dict)."""
    heap = sp.heap
    if md_dict is None:
        md_dict = module.md_dict

    def put(name, value):
        key = intern_string(heap, name)
        dict_setitem(heap, md_dict, key, value)
        heap.decref(key)
        heap.decref(value)

    for name, fn in FUNCTIONS.items():
        ml = MethodDef(heap, name, fn, METH_FASTCALL | METH_KEYWORDS)
        put(name, cfunction_new(heap, ml, self=module))
    for name, tp in (("property", heap.property_type), ("staticmethod", heap.staticmethod_type),
                     ("classmethod", heap.classmethod_type), ("super", sp.super_type),
                     ("type", heap.type_type), ("object", heap.object_type)):
        tp.ob_refcnt += 1
        put(name, tp)

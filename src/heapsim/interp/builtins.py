"""Guest-side builtins: the ``builtins`` module, the methods of the builtin
types and the constructors called when a builtin type is called.

Every host function here has the signature ``fn(sp, self, args, kw)``: ``sp`` the object
space, ``self`` the bound object (the module for module functions), ``args`` a host list of
borrowed objects, ``kw`` a host dict name -> borrowed object or None; it returns a new
reference.
"""

import functools
import sys as host_sys

from heapsim.base.errors import GuestError, GuestException, Unsupported
from heapsim.interp import iterobjects as itmod
from heapsim.interp import (  # noqa: F401
    lib_builtins, lib_bytes, lib_dict, lib_list, lib_numbers, lib_set, lib_str,
)
from heapsim.interp.exceptions import new_exception, is_subtype
from heapsim.objects.core import PyObject, TypeObject, getsizeof, make_static_type
from heapsim.objects.dictobject import (
    dict_clear, dict_copy, dict_getitem, dict_items, dict_merge, dict_new, dict_pop,
    dict_popitem, dict_setdefault, dict_setitem,
)
from heapsim.objects.floatobject import new_float
from heapsim.objects.list_slices import list_copy
from heapsim.objects.listobject import (
    list_append, list_ass_slice, list_clear, list_extend, list_extend_from_iterable,
    list_insert, list_new, list_pop, list_reverse,
)
from heapsim.objects.longobject import new_int
from heapsim.objects.methodobject import MethodDef, METH_FASTCALL, METH_KEYWORDS, cfunction_new
from heapsim.objects.moduleobject import module_new_object
from heapsim.objects.rangeobject import range_new
from heapsim.objects.setobject import (
    set_add_key, set_clear_internal, set_copy, set_difference_multi, set_discard,
    set_intersection_multi, set_issubset, set_issuperset, set_new, set_pop, set_union,
    set_update, frozenset_new, DISCARD_NOTFOUND,
)
from heapsim.objects.tupleobject import tuple_from_iterable, tuple_from_list
from heapsim.objects.unicodeobject import intern_string, new_str, sys_intern


def _arity(name, args, lo, hi=None):
    n = len(args)
    hi = lo if hi is None else hi
    if n < lo or n > hi:
        if lo == hi:
            if lo == 0:
                raise GuestError("TypeError", f"{name}() takes no arguments ({n} given)")
            if lo == 1:
                raise GuestError("TypeError", f"{name}() takes exactly one argument ({n} given)")
            raise GuestError("TypeError", f"{name} expected {lo} arguments, got {n}")
        if n < lo:
            raise GuestError("TypeError", f"{name} expected at least {lo} argument"
                             f"{'s' if lo > 1 else ''}, got {n}")
        raise GuestError("TypeError", f"{name} expected at most {hi} argument"
                         f"{'s' if hi > 1 else ''}, got {n}")


def _no_kw(name, kw):
    if kw:
        raise GuestError("TypeError", f"{name}() takes no keyword arguments")


def _incref(o):
    o.ob_refcnt += 1
    return o


# --- builtins module functions ---------------------------------------------------------------

def _classinfo_match(sp, obj_tp, cls):
    if isinstance(cls, TypeObject):
        t = obj_tp
        while t is not None:
            if t is cls:
                return True
            t = t.base
        return False
    if cls.ob_type is sp.heap.tuple_type:
        return any(_classinfo_match(sp, obj_tp, c) for c in cls.items)
    raise GuestError("TypeError", "isinstance() arg 2 must be a type, a tuple of types, or a "
                     "union")


def b_isinstance(sp, self, args, kw):
    _arity("isinstance", args, 2)
    return sp.newbool(_classinfo_match(sp, args[0].ob_type, args[1]))


def b_issubclass(sp, self, args, kw):
    _arity("issubclass", args, 2)
    if not isinstance(args[0], TypeObject):
        raise GuestError("TypeError", "issubclass() arg 1 must be a class")
    return sp.newbool(_classinfo_match(sp, args[0], args[1]))


def b_getattr(sp, self, args, kw):
    _arity("getattr", args, 2, 3)
    try:
        return sp.getattr(args[0], args[1].value)
    except GuestError as e:
        if e.kind == "AttributeError" and len(args) == 3:
            return _incref(args[2])
        raise


def b_hasattr(sp, self, args, kw):
    _arity("hasattr", args, 2)
    try:
        r = sp.getattr(args[0], args[1].value)
    except GuestError as e:
        if e.kind == "AttributeError":
            return sp.newbool(False)
        raise
    sp.heap.decref(r)
    return sp.newbool(True)


def b_setattr(sp, self, args, kw):
    _arity("setattr", args, 3)
    sp.setattr(args[0], args[1].value, args[2])
    return sp.none()


def b_import(sp, self, args, kw):
    """``__import__(name, globals=None, locals=None, fromlist=(), level=0)``."""
    names = ("name", "globals", "locals", "fromlist", "level")
    vals = dict(zip(names, args))
    for k, v in (kw or {}).items():
        if k not in names:
            raise GuestError("TypeError", f"__import__() got an unexpected keyword argument "
                             f"'{k}'")
        vals[k] = v
    if "name" not in vals:
        raise GuestError("TypeError", "__import__() missing required argument 'name' (pos 1)")
    name = vals["name"]
    if name.ob_type is not sp.heap.str_type:
        raise GuestError("TypeError", f"__import__() argument 1 must be str, not "
                         f"{name.ob_type.name}")
    if not name.value:
        raise GuestError("ValueError", "Empty module name")
    fromlist = vals.get("fromlist")
    level = vals.get("level")
    return sp.interp.import_hook(name.value, fromlist, level)


# The builtin functions live in lib_builtins.py; the object-protocol ones stay here until the
# class machinery registers its own.
BUILTIN_FUNCTIONS = dict(lib_builtins.BUILTIN_FUNCTIONS)
BUILTIN_FUNCTIONS.update({
    "isinstance": b_isinstance, "issubclass": b_issubclass, "getattr": b_getattr,
    "hasattr": b_hasattr, "setattr": b_setattr, "__import__": b_import,
})


# --- constructors ------------------------------------------------------------------------------

def c_type(sp, tp, args, kw):
    if len(args) == 1:
        return _incref(args[0].ob_type)
    raise Unsupported("type() with three arguments (class creation)")


def c_object(sp, tp, args, kw):
    heap = sp.heap
    o = PyObject.__new__(PyObject)
    o.ob_refcnt = 1
    o.ob_type = heap.object_type
    o.addr = heap.alloc(heap.object_type, 16)
    return o


def c_exception(sp, tp, args, kw):
    heap = sp.heap
    if kw:
        raise GuestError("TypeError", f"{tp.name}() takes no keyword arguments")
    t = sp.newtuple_borrowed(args)
    e = new_exception(heap, tp, t)
    heap.decref(t)
    return e


CONSTRUCTORS = {"type": c_type, "object": c_object, "BaseException": c_exception}


# --- methods of builtin types ------------------------------------------------------------------

def install_methods(sp):
    """The builtin types' methods and constructors (lib_*.py), then the ones defined here."""
    for mod in (lib_str, lib_bytes, lib_list, lib_dict, lib_set, lib_numbers, lib_builtins):
        mod.install(sp)
    for name, ctor in CONSTRUCTORS.items():
        sp.constructors.setdefault(name, ctor)


# --- modules ---------------------------------------------------------------------------------

def _mdef_fn(sp, module, name, fn):
    ml = MethodDef(sp.heap, name, fn, METH_FASTCALL | METH_KEYWORDS)
    return cfunction_new(sp.heap, ml, self=module)


def _set(sp, module, name, value):
    """Store value (a new reference, consumed) in the module's dict."""
    heap = sp.heap
    key = intern_string(heap, name)
    dict_setitem(heap, module.md_dict, key, value)
    heap.decref(key)
    heap.decref(value)


def new_module(sp, name):
    heap = sp.heap
    n = intern_string(heap, name)
    mod = module_new_object(heap, n)
    heap.decref(n)
    return mod


def make_builtins(sp):
    heap = sp.heap
    mod = new_module(sp, "builtins")
    for name, fn in BUILTIN_FUNCTIONS.items():
        _set(sp, mod, name, _mdef_fn(sp, mod, name, fn))
    for name in ("int", "float", "complex", "str", "bytes", "bytearray", "bool", "list",
                 "tuple", "dict", "set", "frozenset", "range", "type", "slice", "enumerate",
                 "zip", "map", "filter", "object"):
        tp = heap.types.get(name) or sp.iter_types.get(name)
        if tp is not None:
            _set(sp, mod, name, _incref(tp))
    for name, tp in sp.exc_types.items():
        _set(sp, mod, name, _incref(tp))
    from heapsim.interp.exceptions import ALIASES
    for name, target in ALIASES:
        _set(sp, mod, name, _incref(sp.exc_types[target]))
    _set(sp, mod, "None", sp.none())
    _set(sp, mod, "True", sp.newbool(True))
    _set(sp, mod, "False", sp.newbool(False))
    _set(sp, mod, "Ellipsis", _incref(heap.ellipsis))
    _set(sp, mod, "NotImplemented", _incref(heap.not_implemented))
    sp.register_builtins(mod)      # the object protocol's builtins (descriptors.py)
    return mod


# The ``sys`` and ``gc`` modules live in sysmodule.py and gcmodule.py; these names stay
# importable from here for the composition root.
from heapsim.interp.sysmodule import (  # noqa: E402,F401
    STARTUP_BLOCKS, StreamObject, make_sys, stream_flush, stream_write,
)
from heapsim.interp.gcmodule import make_gc  # noqa: E402,F401

"""Guest-side builtins: the ``builtins`` module, the methods of the builtin
types and the constructors called when a builtin type is called.

Every host function here has the signature ``fn(sp, self, args, kw)``: ``sp`` the object
space, ``self`` the bound object (the module for module functions), ``args`` a host list of
borrowed objects, ``kw`` a host dict name -> borrowed object or None; it returns a new
reference.
"""

from heapsim.base.errors import GuestError, Unsupported
from heapsim.interp.methods import (  # noqa: F401
    bytes_methods, dict_methods, list_methods, number_methods, set_methods, str_methods,
)
from heapsim.interp.modules import bltinmodule  # noqa: F401
from heapsim.interp.types.exceptions import new_exception
from heapsim.interp.methods.args import incref as _incref
from heapsim.interp.methods.clinic import METH_FASTCALL, METH_KEYWORDS, builtin
from heapsim.interp.modules.sysmodule import mdef_fn as _mdef_fn, new_module, set_attr as _set
from heapsim.objects.core import PyObject


# --- builtins module functions ---------------------------------------------------------------

@builtin("__import__(name, globals=None, locals=None, fromlist=(), level=0)",
         METH_FASTCALL | METH_KEYWORDS)
def builtin___import__(sp, self, name, globals=None, locals=None, fromlist=None, level=None):
    if name.ob_type is not sp.heap.str_type:
        raise GuestError("TypeError", f"__import__() argument 1 must be str, not "
                         f"{name.ob_type.name}")
    if not name.value:
        raise GuestError("ValueError", "Empty module name")
    return sp.interp.import_hook(name.value, fromlist, level)


# The builtin functions live in lib_builtins.py; the object-protocol ones (isinstance, getattr,
# ...) are registered by descriptors.py through ``sp.register_builtins``.
BUILTIN_FUNCTIONS = dict(bltinmodule.BUILTIN_FUNCTIONS)
BUILTIN_FUNCTIONS["__import__"] = builtin___import__


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
    for mod in (str_methods, bytes_methods, list_methods, dict_methods, set_methods,
                number_methods, bltinmodule):
        mod.install(sp)
    for name, ctor in CONSTRUCTORS.items():
        sp.constructors.setdefault(name, ctor)


# --- modules ---------------------------------------------------------------------------------

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
    from heapsim.interp.types.exceptions import ALIASES
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
from heapsim.interp.modules.sysmodule import (  # noqa: E402,F401
    STARTUP_BLOCKS, StreamObject, make_sys, stream_flush, stream_write,
)
from heapsim.interp.modules.gcmodule import make_gc  # noqa: E402,F401

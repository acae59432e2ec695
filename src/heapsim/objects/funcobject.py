"""Functions and the objects that wrap them: ``function``, ``staticmethod`` and ``classmethod``
(Objects/funcobject.c), and ``property`` (Objects/descrobject.c).

All four are GC types tracked from creation, without free lists.  Their objects hold only
references to other objects; the interpreter reads and writes those fields directly
(``MAKE_FUNCTION`` stores the defaults, closure and annotations tuples it pops into a new
function's fields, stealing the stack's references), so the fields carry CPython's struct
member names.

Sizes: ``PyFunctionObject`` 136 bytes, ``staticmethod``/``classmethod`` 32, ``property`` 64,
each plus the 16-byte GC header.
"""

from heapsim.objects.core import (
    TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC, TPFLAGS_HAVE_VECTORCALL, TPFLAGS_HEAPTYPE,
    TPFLAGS_METHOD_DESCRIPTOR, UNTRACKED, GCObject, clear_fields, make_static_type,
    traverse_fields,
)

FUNCTION_SIZE = 136       # head + 8 common fields + doc, dict, weakreflist, module,
#                           annotations, vectorcall + func_version (padded)
WRAPPER_SIZE = 32         # staticmethod / classmethod: head, callable, dict
PROPERTY_SIZE = 64        # head, get, set, del, doc, name, getter_doc (padded)


# ``PyFunctionObject``.  Every field holds a simulated object or None for NULL:
# ``func_globals`` (a dict), ``func_builtins`` (a dict), ``func_name`` and ``func_qualname``
# (strs), ``func_code`` (a code object), ``func_defaults`` (a tuple or NULL),
# ``func_kwdefaults`` (a dict or NULL), ``func_closure`` (a tuple of cells or NULL),
# ``func_doc`` (anything, None by default), ``func_dict`` (the ``__dict__``, NULL until
# needed), ``weaklist`` (``func_weakreflist``), ``func_module`` (``__module__`` or NULL),
# ``func_annotations`` (a dict, a flat tuple of name/value pairs as MAKE_FUNCTION leaves it,
# or NULL).  ``func_version`` is the host int the specializer uses (0: none assigned).
class FunctionObject(GCObject):
    __slots__ = ("func_globals", "func_builtins", "func_name", "func_qualname", "func_code",
                 "func_defaults", "func_kwdefaults", "func_closure", "func_doc", "func_dict",
                 "weaklist", "func_module", "func_annotations", "func_version")


# ``staticmethod`` and ``classmethod``: the wrapped callable (``sm_callable``/``cm_callable``
# in CPython, ``callable`` here for both) and the instance ``__dict__`` (NULL until a
# ``__dict__`` is needed; calling the type fills it with ``__module__``, ``__name__``, ... of
# the callable, as ``functools_wraps`` does in ``sm_init``/``cm_init``).
class StaticMethodObject(GCObject):
    __slots__ = ("sm_callable", "sm_dict")


class ClassMethodObject(GCObject):
    __slots__ = ("cm_callable", "cm_dict")


# ``propertyobject``: the getter, setter and deleter (NULL when absent), ``prop_doc`` the
# docstring (NULL or an object), ``prop_name`` (set by ``__set_name__``, NULL before) and
# ``getter_doc``, a host bool: the docstring was taken from the getter.
class PropertyObject(GCObject):
    __slots__ = ("prop_get", "prop_set", "prop_del", "prop_doc", "prop_name", "getter_doc")


def _gc_new(heap, cls, tp, size):
    """Allocate and fill the header of a new, not yet tracked, GC object of type tp."""
    addr = heap.gc_alloc(tp, size)
    op = cls.__new__(cls)
    op.ob_refcnt = 1
    op.ob_type = tp
    op.addr = addr
    op.gc_gen = UNTRACKED
    op.gc_refs = 0
    op.gc_flags = 0
    return op


# --- function -------------------------------------------------------------------------------

def function_new(heap, code, globals, name, qualname, doc, module, builtins):
    """``PyFunction_NewWithQualName`` (``MAKE_FUNCTION``'s ``PyFunction_New``), lookups done.

    The caller passes what CPython looks up first: name (``code.co_name``), qualname (the
    given one or ``code.co_qualname``), doc (``co_consts[0]`` if it is a str, else None),
    module (``globals['__name__']`` or None for NULL) and builtins
    (``_PyEval_BuiltinsFromGlobals``).  All are borrowed and increfed.  Defaults,
    kwdefaults, closure and annotations start NULL; MAKE_FUNCTION then stores the tuples it
    pops into those fields, transferring the stack's references.
    """
    globals.ob_refcnt += 1
    code.ob_refcnt += 1
    name.ob_refcnt += 1
    qualname.ob_refcnt += 1
    doc.ob_refcnt += 1
    if module is not None:
        module.ob_refcnt += 1
    builtins.ob_refcnt += 1
    op = _gc_new(heap, FunctionObject, heap.function_type, FUNCTION_SIZE)
    op.func_globals = globals
    op.func_builtins = builtins
    op.func_name = name
    op.func_qualname = qualname
    op.func_code = code
    op.func_defaults = None
    op.func_kwdefaults = None
    op.func_closure = None
    op.func_doc = doc
    op.func_dict = None
    op.weaklist = None
    op.func_module = module
    op.func_annotations = None
    op.func_version = 0
    heap.gc.track(op)
    return op


def function_from_constructor(heap, globals, builtins, name, qualname, code,
                              defaults=None, kwdefaults=None, closure=None):
    """``_PyFunction_FromConstructor`` (``exec`` of a code object, class bodies).

    Every argument is borrowed and increfed (None is NULL for the last three); the doc is
    None and there is no module.
    """
    op = _gc_new(heap, FunctionObject, heap.function_type, FUNCTION_SIZE)
    for obj in (globals, builtins, name, qualname, code):
        obj.ob_refcnt += 1
    for obj in (defaults, kwdefaults, closure):
        if obj is not None:
            obj.ob_refcnt += 1
    none = heap.none
    none.ob_refcnt += 1
    op.func_globals = globals
    op.func_builtins = builtins
    op.func_name = name
    op.func_qualname = qualname
    op.func_code = code
    op.func_defaults = defaults
    op.func_kwdefaults = kwdefaults
    op.func_closure = closure
    op.func_doc = none
    op.func_dict = None
    op.weaklist = None
    op.func_module = None
    op.func_annotations = None
    op.func_version = 0
    heap.gc.track(op)
    return op


def function_get_version(heap, op):
    """``_PyFunction_GetVersionForCurrentState``: assign the next version number once."""
    if op.func_version:
        return op.func_version
    v = heap.next_func_version
    if v == 0:
        return 0
    heap.next_func_version = (v + 1) & 0xFFFF_FFFF
    op.func_version = v
    return v


def _set_field(heap, op, field, value):
    """``Py_XSETREF`` on a function field with a new value (increfed) and a version reset."""
    if value is not None:
        value.ob_refcnt += 1
    op.func_version = 0
    old = getattr(op, field)
    setattr(op, field, value)
    heap.xdecref(old)


def function_set_defaults(heap, op, defaults):
    """``PyFunction_SetDefaults``: a tuple, or None/``heap.none`` for NULL."""
    _set_field(heap, op, "func_defaults", None if defaults is heap.none else defaults)


def function_set_kwdefaults(heap, op, kwdefaults):
    """``PyFunction_SetKwDefaults``: a dict, or None/``heap.none`` for NULL."""
    _set_field(heap, op, "func_kwdefaults", None if kwdefaults is heap.none else kwdefaults)


def function_set_annotations(heap, op, annotations):
    """``PyFunction_SetAnnotations``: a dict, or None/``heap.none`` for NULL."""
    _set_field(heap, op, "func_annotations",
               None if annotations is heap.none else annotations)


def func_clear(heap, op):
    """``func_clear`` (tp_clear): drop every field but code, and make the names ''.

    Each field is set to NULL before its old value is released (``Py_CLEAR``), in CPython's
    order; name and qualname are replaced by the static empty string.
    """
    op.func_version = 0
    for field in ("func_globals", "func_builtins", "func_module", "func_defaults",
                  "func_kwdefaults", "func_doc", "func_dict", "func_closure",
                  "func_annotations"):
        old = getattr(op, field)
        if old is not None:
            setattr(op, field, None)
            heap.decref(old)
    empty = heap.empty_str
    empty.ob_refcnt += 1
    old = op.func_name
    op.func_name = empty
    heap.decref(old)
    empty.ob_refcnt += 1
    old = op.func_qualname
    op.func_qualname = empty
    heap.decref(old)


def func_dealloc(heap, op):
    """``func_dealloc``: untrack, weakrefs, ``func_clear``, then code, name and qualname."""
    heap.gc.untrack(op)
    if op.weaklist is not None:
        heap.clear_weakrefs(op)
    func_clear(heap, op)
    heap.decref(op.func_code)
    heap.decref(op.func_name)
    heap.decref(op.func_qualname)
    heap.gc_del(op)


def func_traverse(op):
    refs = (op.func_code, op.func_globals, op.func_builtins, op.func_module,
            op.func_defaults, op.func_kwdefaults, op.func_doc, op.func_name, op.func_dict,
            op.func_closure, op.func_annotations, op.func_qualname)
    return [o for o in refs if o is not None]


# --- staticmethod and classmethod -----------------------------------------------------------

def _alloc_generic(heap, cls, tp, size):
    """``PyType_GenericAlloc``: a tracked object (the type increfed if it is a heap type)."""
    op = _gc_new(heap, cls, tp, size)
    if tp.flags & TPFLAGS_HEAPTYPE:
        tp.ob_refcnt += 1
    heap.gc.track(op)
    return op


def staticmethod_new(heap, callable, tp=None):
    """``PyStaticMethod_New``: a new reference wrapping callable (increfed); no dict yet."""
    op = _alloc_generic(heap, StaticMethodObject, tp or heap.staticmethod_type,
                        WRAPPER_SIZE)
    callable.ob_refcnt += 1
    op.sm_callable = callable
    op.sm_dict = None
    return op


def classmethod_new(heap, callable, tp=None):
    """``PyClassMethod_New``: a new reference wrapping callable (increfed); no dict yet."""
    op = _alloc_generic(heap, ClassMethodObject, tp or heap.classmethod_type, WRAPPER_SIZE)
    callable.ob_refcnt += 1
    op.cm_callable = callable
    op.cm_dict = None
    return op


def sm_dealloc(heap, op):
    heap.gc.untrack(op)
    heap.xdecref(op.sm_callable)
    heap.xdecref(op.sm_dict)
    heap.gc_del(op)


SM_FIELDS = ("sm_callable", "sm_dict")


def sm_traverse(op):
    return traverse_fields(op, SM_FIELDS)


def sm_clear(heap, op):
    clear_fields(heap, op, SM_FIELDS)


def cm_dealloc(heap, op):
    heap.gc.untrack(op)
    heap.xdecref(op.cm_callable)
    heap.xdecref(op.cm_dict)
    heap.gc_del(op)


CM_FIELDS = ("cm_callable", "cm_dict")


def cm_traverse(op):
    return traverse_fields(op, CM_FIELDS)


def cm_clear(heap, op):
    clear_fields(heap, op, CM_FIELDS)


# --- property -------------------------------------------------------------------------------

def property_new(heap, fget=None, fset=None, fdel=None, doc=None, fget_doc=None, tp=None):
    """``property(fget, fset, fdel, doc)``: ``PyType_GenericAlloc`` then ``property_init``.

    The accessors and doc are borrowed and increfed; ``heap.none`` counts as absent for the
    accessors.  When doc is absent or None and there is a getter, the docstring comes from
    the getter: fget_doc is the new reference ``fget.__doc__`` returned (the caller looks it
    up; for a function getter this function reads ``func_doc`` itself when fget_doc is None).
    """
    op = _alloc_generic(heap, PropertyObject, tp or heap.property_type, PROPERTY_SIZE)
    none = heap.none
    if fget is none:
        fget = None
    if fset is none:
        fset = None
    if fdel is none:
        fdel = None
    for obj in (fget, fset, fdel, doc):
        if obj is not None:
            obj.ob_refcnt += 1
    op.prop_get = fget
    op.prop_set = fset
    op.prop_del = fdel
    op.prop_doc = doc
    op.prop_name = None
    op.getter_doc = False
    if (doc is None or doc is none) and fget is not None:
        if fget_doc is None and isinstance(fget, FunctionObject):
            fget_doc = fget.func_doc
            fget_doc.ob_refcnt += 1
        if fget_doc is not None:
            old = op.prop_doc
            op.prop_doc = fget_doc
            heap.xdecref(old)
            op.getter_doc = True
    elif fget_doc is not None:
        heap.decref(fget_doc)
    return op


def property_dealloc(heap, op):
    heap.gc.untrack(op)
    heap.xdecref(op.prop_get)
    heap.xdecref(op.prop_set)
    heap.xdecref(op.prop_del)
    heap.xdecref(op.prop_doc)
    heap.xdecref(op.prop_name)
    heap.gc_del(op)


def property_traverse(op):
    return [o for o in (op.prop_get, op.prop_set, op.prop_del, op.prop_doc, op.prop_name)
            if o is not None]


def property_clear(heap, op):
    """``property_clear`` drops only the docstring."""
    old = op.prop_doc
    if old is not None:
        op.prop_doc = None
        heap.decref(old)


# --- types ----------------------------------------------------------------------------------

def init(heap):
    function_type = make_static_type(
        "function", FUNCTION_SIZE, 0,
        TPFLAGS_HAVE_GC | TPFLAGS_HAVE_VECTORCALL | TPFLAGS_METHOD_DESCRIPTOR,
        base=heap.object_type, dealloc=func_dealloc, traverse=func_traverse,
        clear=func_clear, weakrefable=True)
    heap.register_static_type(function_type)
    heap.function_type = function_type
    heap.next_func_version = 1
    flags = TPFLAGS_HAVE_GC | TPFLAGS_BASETYPE
    for attr, name, dealloc, traverse, clear in (
            ("staticmethod_type", "staticmethod", sm_dealloc, sm_traverse, sm_clear),
            ("classmethod_type", "classmethod", cm_dealloc, cm_traverse, cm_clear)):
        tp = make_static_type(name, WRAPPER_SIZE, 0, flags, base=heap.object_type,
                              dealloc=dealloc, traverse=traverse, clear=clear)
        heap.register_static_type(tp)
        setattr(heap, attr, tp)
    property_type = make_static_type(
        "property", PROPERTY_SIZE, 0, flags, base=heap.object_type, dealloc=property_dealloc,
        traverse=property_traverse, clear=property_clear)
    heap.register_static_type(property_type)
    heap.property_type = property_type

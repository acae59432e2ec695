"""Bound methods (Objects/classobject.c) and builtin functions (Objects/methodobject.c).

``method`` is what ``obj.f`` returns for a Python function f: 48 bytes (``im_func``,
``im_self``, ``im_weakreflist``, ``vectorcall``) plus the GC header.  The eval loop avoids
creating one for ``obj.f()`` (LOAD_METHOD), so it appears only when a bound method is kept.

``builtin_function_or_method`` (``PyCFunctionObject``) is a C function bound to its ``self``
(the module for ``len``, the list for ``[].append``): 56 bytes plus the GC header.  Its
``builtin_method`` subtype (``PyCMethodObject``, 64 bytes) also holds the defining class, for
``METH_METHOD`` functions.  Both participate in the trashcan.

All three types are GC types tracked from creation and weakly referenceable; none has a free
list.  The C function a builtin calls is described by a host ``MethodDef``, not a simulated
object, exactly as ``PyMethodDef`` is static C data in CPython.
"""

from heapsim.base.errors import GuestError
from heapsim.objects.abstract import hash_object, objects_equal
from heapsim.objects.core import (
    TPFLAGS_HAVE_GC, TPFLAGS_HAVE_VECTORCALL, UNTRACKED, GCObject, make_static_type,
)

METHOD_SIZE = 48          # sizeof(PyMethodObject)
CFUNCTION_SIZE = 56       # sizeof(PyCFunctionObject): head, m_ml, m_self, m_module,
#                           m_weakreflist, vectorcall
CMETHOD_SIZE = 64         # sizeof(PyCMethodObject): + mm_class

# ml_flags bits (Include/methodobject.h)
METH_VARARGS = 0x0001
METH_KEYWORDS = 0x0002
METH_NOARGS = 0x0004
METH_O = 0x0008
METH_CLASS = 0x0010
METH_STATIC = 0x0020
METH_COEXIST = 0x0040
METH_FASTCALL = 0x0080
METH_METHOD = 0x0200

_U64 = 0xFFFF_FFFF_FFFF_FFFF


# ``PyMethodObject``: ``im_func`` is the function (never NULL), ``im_self`` the instance it is
# bound to, ``weaklist`` is ``im_weakreflist`` (None when there are no weak references).
class MethodObject(GCObject):
    __slots__ = ("im_func", "im_self", "weaklist")


# ``PyMethodDef``: static C data naming a builtin's C function.  ``ml_meth`` is the host
# callable that implements it (the interpreter's business), ``ml_flags`` its ``METH_*``
# calling convention, ``ml_doc`` its docstring (a host str or None).  ``meth_addr`` stands
# for the C function's address, which ``builtin_function_or_method.__hash__`` hashes.
class MethodDef:
    __slots__ = ("ml_name", "ml_meth", "ml_flags", "ml_doc", "meth_addr")

    def __init__(self, heap, ml_name, ml_meth, ml_flags, ml_doc=None):
        self.ml_name = ml_name
        self.ml_meth = ml_meth
        self.ml_flags = ml_flags
        self.ml_doc = ml_doc
        # A place in the static region, as C functions live in the interpreter's binary.
        self.meth_addr = heap.static_alloc(16)

    def __repr__(self):
        return f"<MethodDef {self.ml_name}>"


# ``PyCFunctionObject`` (and ``PyCMethodObject``): ``m_ml`` the host ``MethodDef``, ``m_self``
# the object passed as self (None for NULL), ``m_module`` the ``__module__`` (None for NULL),
# ``weaklist`` is ``m_weakreflist``, ``mm_class`` the defining class of a ``builtin_method``
# (None for a plain builtin_function_or_method).
class CFunctionObject(GCObject):
    __slots__ = ("m_ml", "m_self", "m_module", "weaklist", "mm_class")


# --- bound methods --------------------------------------------------------------------------

def method_new(heap, func, self):
    """``PyMethod_New``: a new reference to func bound to self (both increfed)."""
    if self is None:
        raise GuestError("SystemError", "bad argument to internal function")
    addr = heap.gc_alloc(heap.method_type, METHOD_SIZE)
    im = MethodObject.__new__(MethodObject)
    im.ob_refcnt = 1
    im.ob_type = heap.method_type
    im.addr = addr
    im.gc_gen = UNTRACKED
    im.gc_refs = 0
    im.gc_flags = 0
    im.weaklist = None
    func.ob_refcnt += 1
    im.im_func = func
    self.ob_refcnt += 1
    im.im_self = self
    heap.gc.track(im)
    return im


def method_dealloc(heap, im):
    heap.gc.untrack(im)
    if im.weaklist is not None:
        heap.clear_weakrefs(im)
    heap.decref(im.im_func)
    heap.xdecref(im.im_self)
    heap.gc_del(im)


def method_traverse(im):
    if im.im_self is None:
        return (im.im_func,)
    return (im.im_func, im.im_self)


def _hash_pointer_value(a):
    """``_Py_HashPointer`` of the address a."""
    h = ((a >> 4) | (a << 60)) & _U64
    if h >= 1 << 63:
        h -= 1 << 64
    return -2 if h == -1 else h


def _pointer_hash_of(obj):
    """``_Py_HashPointer`` of a possibly NULL (None) pointer."""
    return 0 if obj is None else _hash_pointer_value(obj.addr)


def method_hash(heap, im):
    """``method_hash``: the pointer hash of self xor the hash of the function."""
    x = _pointer_hash_of(im.im_self) ^ hash_object(heap, im.im_func)
    return -2 if x == -1 else x


def method_eq(heap, a, b):
    """``method_richcompare``: equal functions bound to the same object."""
    if b.ob_type is not heap.method_type:
        return NotImplemented
    return objects_equal(heap, a.im_func, b.im_func) and a.im_self is b.im_self


# --- builtin functions ----------------------------------------------------------------------

_VECTORCALL_KINDS = (
    METH_VARARGS, METH_VARARGS | METH_KEYWORDS, METH_FASTCALL,
    METH_FASTCALL | METH_KEYWORDS, METH_NOARGS, METH_O,
    METH_METHOD | METH_FASTCALL | METH_KEYWORDS,
)


def cfunction_new(heap, ml, self=None, module=None, cls=None):
    """``PyCMethod_New`` (and ``PyCFunction_NewEx``): a new reference to a builtin.

    self and module are increfed unless None (NULL); cls (a type, for ``METH_METHOD``
    functions only) is increfed and makes the object a ``builtin_method``.
    """
    flags = ml.ml_flags & (METH_VARARGS | METH_FASTCALL | METH_NOARGS | METH_O
                           | METH_KEYWORDS | METH_METHOD)
    if flags not in _VECTORCALL_KINDS:
        raise GuestError("SystemError", f"{ml.ml_name}() method: bad call flags")
    if ml.ml_flags & METH_METHOD:
        if cls is None:
            raise GuestError("SystemError", "attempting to create PyCMethod with a "
                             "METH_METHOD flag but no class")
        tp = heap.cmethod_type
        size = CMETHOD_SIZE
    else:
        if cls is not None:
            raise GuestError("SystemError", "attempting to create PyCFunction with class "
                             "but no METH_METHOD flag")
        tp = heap.cfunction_type
        size = CFUNCTION_SIZE
    addr = heap.gc_alloc(tp, size)
    op = CFunctionObject.__new__(CFunctionObject)
    op.ob_refcnt = 1
    op.ob_type = tp
    op.addr = addr
    op.gc_gen = UNTRACKED
    op.gc_refs = 0
    op.gc_flags = 0
    if cls is not None:
        cls.ob_refcnt += 1
    op.mm_class = cls
    op.weaklist = None
    op.m_ml = ml
    if self is not None:
        self.ob_refcnt += 1
    op.m_self = self
    if module is not None:
        module.ob_refcnt += 1
    op.m_module = module
    heap.gc.track(op)
    return op


def meth_dealloc(heap, m):
    """``meth_dealloc``: the class is released before self, then the module."""
    heap.gc.untrack(m)
    if m.weaklist is not None:
        heap.clear_weakrefs(m)
    heap.xdecref(m.mm_class)
    heap.xdecref(m.m_self)
    heap.xdecref(m.m_module)
    heap.gc_del(m)


def meth_traverse(m):
    return [o for o in (m.mm_class, m.m_self, m.m_module) if o is not None]


def meth_hash(heap, m):
    """``meth_hash``: pointer hash of self xor pointer hash of the C function."""
    x = _pointer_hash_of(m.m_self) ^ _hash_pointer_value(m.m_ml.meth_addr)
    return -2 if x == -1 else x


def meth_eq(heap, a, b):
    """``meth_richcompare``: the same self and the same C function."""
    if not isinstance(b, CFunctionObject):
        return NotImplemented
    return a.m_self is b.m_self and a.m_ml.ml_meth is b.m_ml.ml_meth


def init(heap):
    method_type = make_static_type(
        "method", METHOD_SIZE, 0, TPFLAGS_HAVE_GC | TPFLAGS_HAVE_VECTORCALL,
        base=heap.object_type, dealloc=method_dealloc, traverse=method_traverse,
        weakrefable=True, hash=method_hash, eq=method_eq)
    heap.register_static_type(method_type)
    heap.method_type = method_type
    cfunction_type = make_static_type(
        "builtin_function_or_method", CFUNCTION_SIZE, 0,
        TPFLAGS_HAVE_GC | TPFLAGS_HAVE_VECTORCALL, base=heap.object_type,
        dealloc=meth_dealloc, traverse=meth_traverse, trashcan=True, weakrefable=True,
        hash=meth_hash, eq=meth_eq)
    heap.register_static_type(cfunction_type)
    heap.cfunction_type = cfunction_type
    cmethod_type = make_static_type(
        "builtin_method", CMETHOD_SIZE, 0, TPFLAGS_HAVE_GC | TPFLAGS_HAVE_VECTORCALL,
        base=cfunction_type, dealloc=meth_dealloc, traverse=meth_traverse, trashcan=True,
        weakrefable=True, hash=meth_hash, eq=meth_eq)
    heap.register_static_type(cmethod_type)
    heap.cmethod_type = cmethod_type

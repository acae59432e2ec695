"""Build a ``Heap`` with every builtin type, singleton and cache in place.

The order is CPython's dependency order: ``type`` and ``object`` first, then the singletons,
then each type module's ``init(heap)``, which registers its type objects and sets up its
caches and free lists on the heap.
"""

from heapsim.base.config import CPYTHON_3_11
from heapsim.objects import (
    boolobject, bytearrayobject, bytesobject, cellobject, complexobject, dictobject, floatobject,
    funcobject, instanceobject, listobject, longobject, methodobject, moduleobject, rangeobject,
    setobject, sliceobject, tupleobject, unicodeobject, weakrefobject,
)
from heapsim.objects.core import (
    PyObject, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC, TPFLAGS_TYPE_SUBCLASS, make_static_type,
)
from heapsim.objects.heap import STATIC_TYPE_SIZE, Heap

# Type modules in initialisation order; each has ``init(heap)``.
TYPE_MODULES = (
    longobject,
    boolobject,
    floatobject,
    complexobject,
    unicodeobject,
    bytesobject,
    bytearrayobject,
    tupleobject,
    listobject,
    dictobject,
    setobject,
    rangeobject,
    sliceobject,
    funcobject,
    cellobject,
    methodobject,
    moduleobject,
    weakrefobject,
    instanceobject,
)


def _type_sizeof(tp):
    return STATIC_TYPE_SIZE


def _init_core(heap):
    """``type``, ``object``, ``NoneType``, ``NotImplementedType`` and ``ellipsis``."""
    type_type = make_static_type(
        "type", 904, 40, TPFLAGS_HAVE_GC | TPFLAGS_BASETYPE | TPFLAGS_TYPE_SUBCLASS,
        sizeof=_type_sizeof, weakrefable=True)
    heap.types["type"] = type_type
    heap.register_static_type(type_type)
    type_type.ob_type = type_type
    heap.type_type = type_type

    object_type = make_static_type("object", 16, 0, TPFLAGS_BASETYPE)
    heap.register_static_type(object_type)
    heap.object_type = object_type
    type_type.base = object_type
    type_type.bases = (object_type,)

    def _object_dealloc(heap, obj):
        heap.free_object(obj)

    object_type.tp_dealloc = _object_dealloc

    for attr, tname, pyname in (("none", "NoneType", "None"),
                                ("not_implemented", "NotImplementedType", "NotImplemented"),
                                ("ellipsis", "ellipsis", "Ellipsis")):
        tp = make_static_type(tname, 16, 0, 0, base=object_type)
        heap.register_static_type(tp)
        obj = PyObject.__new__(PyObject)
        # Static with an initial refcount of 1 (Objects/object.c), so counts are real.
        heap.make_static(obj, tp, 16, refcnt=1)
        setattr(heap, attr, obj)
        setattr(heap, attr + "_type", tp)


def create_heap(allocator, profile=CPYTHON_3_11):
    """A fully initialised heap on ``allocator`` (which the caller builds and owns)."""
    heap = Heap(profile, allocator)
    _init_core(heap)
    for module in TYPE_MODULES:
        module.init(heap)
    for tp in heap.types.values():
        if tp.ob_type is None:
            tp.ob_type = heap.type_type
        if tp.base is None and tp is not heap.object_type:
            tp.base = heap.object_type
            tp.bases = (heap.object_type,)
    return heap

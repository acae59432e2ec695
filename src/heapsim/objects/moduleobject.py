"""``module`` (Objects/moduleobject.c): a namespace dict with a name.

``PyModuleObject`` is 56 bytes plus the GC header (``sys.getsizeof`` 72); its ``__dict__`` is a
separate dict object created with the module.  Modules are GC types, weakly referenceable,
with no free list.  ``PyModule_NewObject`` allocates the module, then its dict
(``PyDict_New``), fills the dict with ``__name__``, ``__doc__``, ``__package__``,
``__loader__`` and ``__spec__``, and only then tracks the module.

Extension-module state (``md_def``, ``md_state``) is modelled only as far as memory goes: a
module built here has no ``PyModuleDef``; ``md_state`` is the address of a per-module state
block when one was allocated (freed at deallocation), else 0.
"""

from heapsim.objects.core import (
    TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC, TPFLAGS_HEAPTYPE, UNTRACKED, GCObject,
    make_static_type,
)
from heapsim.objects.dictobject import dict_new, dict_setitem
from heapsim.objects.unicodeobject import static_interned_str

MODULE_SIZE = 56          # sizeof(PyModuleObject): head, md_dict, md_def, md_state,
#                           md_weaklist, md_name


# ``PyModuleObject``: ``md_dict`` the namespace dict (None for NULL once cleared), ``md_def``
# the host ``PyModuleDef`` of an extension module (None here), ``md_state`` the address of its
# state block (0 for NULL), ``weaklist`` is ``md_weaklist``, ``md_name`` the name str kept
# for messages after the dict is cleared (None for NULL).
class ModuleObject(GCObject):
    __slots__ = ("md_dict", "md_def", "md_state", "weaklist", "md_name")


def new_module_notrack(heap, tp=None):
    """``new_module_notrack``: allocate a module and its new empty dict; not yet tracked."""
    tp = tp or heap.module_type
    addr = heap.gc_alloc(tp, tp.basicsize)
    m = ModuleObject.__new__(ModuleObject)
    m.ob_refcnt = 1
    m.ob_type = tp
    m.addr = addr
    m.gc_gen = UNTRACKED
    m.gc_refs = 0
    m.gc_flags = 0
    if tp.flags & TPFLAGS_HEAPTYPE:
        tp.ob_refcnt += 1
    m.md_def = None
    m.md_state = 0
    m.weaklist = None
    m.md_name = None
    m.md_dict = dict_new(heap)
    return m


def _dunder(heap, name):
    """The static interned string ``_Py_ID(name)`` (borrowed)."""
    return static_interned_str(heap, name)


def module_init_dict(heap, m, md_dict, name, doc=None):
    """``module_init_dict``: store the five standard names; keep name as ``md_name``.

    name and doc are borrowed (doc None means None).
    """
    none = heap.none
    for key, value in (("__name__", name), ("__doc__", doc if doc is not None else none),
                       ("__package__", none), ("__loader__", none), ("__spec__", none)):
        dict_setitem(heap, md_dict, _dunder(heap, key), value)
    if name.ob_type is heap.str_type:
        name.ob_refcnt += 1
        old = m.md_name
        m.md_name = name
        heap.xdecref(old)


def module_new_object(heap, name, doc=None):
    """``PyModule_NewObject`` (``types.ModuleType(name)``): a new reference to a module.

    name (a str) and doc are borrowed; the dict holds its own references.
    """
    m = new_module_notrack(heap)
    module_init_dict(heap, m, m.md_dict, name, doc)
    heap.gc.track(m)
    return m


def module_dealloc(heap, m):
    """``module_dealloc``: weakrefs, then the dict, the name, the state block."""
    heap.gc.untrack(m)
    if m.weaklist is not None:
        heap.clear_weakrefs(m)
    heap.xdecref(m.md_dict)
    heap.xdecref(m.md_name)
    if m.md_state:
        heap.free(m.md_state)
    heap.gc_del(m)


def module_traverse(m):
    """``module_traverse`` visits only the dict (``md_name`` is not visited)."""
    return (m.md_dict,) if m.md_dict is not None else ()


def module_all_references(m):
    """Every reference the module holds, ``md_name`` included (for the heap audit: CPython's
    ``module_traverse``, and so ``gc.get_referents``, leaves the name out)."""
    return [o for o in (m.md_dict, m.md_name) if o is not None]


def module_clear(heap, m):
    old = m.md_dict
    if old is not None:
        m.md_dict = None
        heap.decref(old)


def module_buffers(m):
    return (m.md_state,) if m.md_state else ()


def init(heap):
    tp = make_static_type("module", MODULE_SIZE, 0, TPFLAGS_HAVE_GC | TPFLAGS_BASETYPE,
                          base=heap.object_type, dealloc=module_dealloc,
                          traverse=module_traverse, clear=module_clear, weakrefable=True,
                          buffers=module_buffers)
    heap.register_static_type(tp)
    heap.module_type = tp

"""Weak references (Objects/weakrefobject.c): ``weakref.ref``, ``weakref.proxy`` and the
per-object list of weak references.

A weak reference is ``WeakrefObject``, CPython's 64-byte ``PyWeakReference`` behind a 16-byte
GC header (``sys.getsizeof`` 80 for a ref and for a proxy).  Its fields:

* ``wr_object``: the referent, a *borrowed* pointer (a weak reference does not count), or
  ``heap.none`` once the weakref has been cleared, exactly as CPython stores ``Py_None``
  there without a reference;
* ``wr_callback``: the callback (a strong reference) or ``None`` (NULL);
* ``wr_hash``: the cached hash of the referent, -1 until computed;
* ``wr_prev`` / ``wr_next``: the links of the referent's doubly-linked list of weak
  references.  These are host links between simulated objects, not references.

Every weakly referenceable object has a ``weaklist`` slot holding the head of that list (None
when empty); its type has ``weakrefable`` true (``tp_weaklistoffset != 0``).  The list keeps
CPython's shape: the callback-less ``ref`` (shared: ``ref(o) is ref(o)``) at the head, then the
callback-less proxy, then the weakrefs with callbacks, newest first (``insert_after``).

This module holds the C-level operations on the objects: creation (``weakref.__new__``,
``PyWeakref_NewRef``, ``PyWeakref_NewProxy``), unlinking (``clear_weakref`` and the collector's
``clear_ref``), traversal and deallocation.  What happens to an object's weakrefs when it dies,
callbacks included (``PyObject_ClearWeakRefs``), is the reclaim layer's
(``heapsim.reclaim.weakrefs``), installed as ``heap.clear_weakrefs``.
"""

from heapsim.base.errors import GuestError
from heapsim.objects.abstract import objects_equal
from heapsim.objects.core import (
    GCObject, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC, TPFLAGS_HAVE_VECTORCALL, TPFLAGS_HEAPTYPE, UNTRACKED,
    make_static_type, unhashable,
)

# sizeof(PyWeakReference) on 64-bit: head 16 + wr_object, wr_callback, hash, wr_prev,
# wr_next, vectorcall (8 each).
WEAKREF_SIZE = 64


# ``WeakrefObject`` is ``PyWeakReference``: the fields are described in the module docstring.
# One class serves refs, proxies and callable proxies; ``ob_type`` tells them apart, as in C.
class WeakrefObject(GCObject):
    """``PyWeakReference`` (a ref, a proxy or a callable proxy; the type tells which).

    ``key`` is ``KeyedRef.key`` (None for the other types).  Calls go through the types'
    ``tp_call``, which the guest ``weakref`` module fills.
    """

    __slots__ = ("wr_object", "wr_callback", "wr_hash", "wr_prev", "wr_next", "key")


def type_display_name(tp):
    """``tp_name`` as CPython's messages print it: dotted for static non-builtin types."""
    if tp.flags & TPFLAGS_HEAPTYPE or tp.module == "builtins":
        return tp.name
    return f"{tp.module}.{tp.name}"


def _traverse(wr):
    """``gc_traverse``: a weakref holds one reference, its callback."""
    cb = wr.wr_callback
    return () if cb is None else (cb,)


# sizeof(KeyedRef): a ref subclass with ``__slots__ = ("key",)``.
KEYEDREF_SIZE = WEAKREF_SIZE + 8


def _keyedref_traverse(wr):
    """``subtype_traverse`` of KeyedRef: the ``key`` slot, then the ref's callback."""
    out = []
    if wr.key is not None:
        out.append(wr.key)
    if wr.wr_callback is not None:
        out.append(wr.wr_callback)
    return out


def _keyedref_clear(heap, wr):
    clear_weakref(heap, wr)


def keyedref_dealloc(heap, wr):
    """``subtype_dealloc`` of KeyedRef, reduced: untrack, unlink, clear the slot, free."""
    heap.gc.untrack(wr)
    clear_weakref(heap, wr)
    key = wr.key
    if key is not None:
        wr.key = None
        heap.decref(key)
    heap.gc_del(wr)


def _weakref_hash(heap, wr):
    """``weakref_hash``: the referent's hash, computed once and cached."""
    if wr.wr_hash != -1:
        return wr.wr_hash
    obj = get_object(heap, wr)
    if obj is heap.none:
        raise GuestError("TypeError", "weak object has gone away")
    obj.ob_refcnt += 1
    try:
        h = obj.ob_type.tp_hash(heap, obj)
    finally:
        heap.decref(obj)
    wr.wr_hash = h
    return h


def _weakref_eq(heap, a, b):
    """``weakref_richcompare`` for ``==``: referents compared while both live, else identity."""
    if not isinstance(b, WeakrefObject):
        return NotImplemented
    oa = get_object(heap, a)
    ob = get_object(heap, b)
    if oa is heap.none or ob is heap.none:
        return a is b
    oa.ob_refcnt += 1
    ob.ob_refcnt += 1
    try:
        return objects_equal(heap, oa, ob)
    finally:
        heap.decref(oa)
        heap.decref(ob)


def _is_ref(heap, obj):
    tp = obj.ob_type
    while tp is not None:
        if tp is heap.weakref_type:
            return True
        tp = tp.base
    return False


def init(heap):
    flags = TPFLAGS_HAVE_GC | TPFLAGS_HAVE_VECTORCALL | TPFLAGS_BASETYPE
    ref_type = make_static_type(
        "ReferenceType", WEAKREF_SIZE, 0, flags, base=heap.object_type, module="weakref",
        dealloc=weakref_dealloc, traverse=_traverse, clear=gc_clear, hash=_weakref_hash,
        eq=_weakref_eq)
    heap.register_static_type(ref_type)
    heap.weakref_type = ref_type
    keyed = make_static_type(
        "KeyedRef", KEYEDREF_SIZE, 0, flags, base=ref_type, module="weakref",
        dealloc=keyedref_dealloc, traverse=_keyedref_traverse, clear=_keyedref_clear,
        hash=_weakref_hash, eq=_weakref_eq)
    heap.register_static_type(keyed)
    heap.keyedref_type = keyed
    for attr, name in (("weakproxy_type", "ProxyType"),
                       ("weakcallableproxy_type", "CallableProxyType")):
        tp = make_static_type(
            name, WEAKREF_SIZE, 0, TPFLAGS_HAVE_GC, base=heap.object_type, module="weakref",
            dealloc=proxy_dealloc, traverse=_traverse, clear=gc_clear, hash=unhashable)
        heap.register_static_type(tp)
        setattr(heap, attr, tp)


# --- the referent's list -----------------------------------------------------------------


def get_object(heap, wr):
    """``PyWeakref_GET_OBJECT``: the referent (borrowed), or None once it is dying or gone."""
    obj = wr.wr_object
    if obj.ob_refcnt > 0:
        return obj
    return heap.none


def get_basic_refs(heap, head):
    """``get_basic_refs``: the shared callback-less ref and proxy at the head of a list."""
    ref = proxy = None
    if head is not None and head.wr_callback is None:
        if head.ob_type is heap.weakref_type:
            ref = head
            head = head.wr_next
        if (head is not None and head.wr_callback is None
                and (head.ob_type is heap.weakproxy_type
                     or head.ob_type is heap.weakcallableproxy_type)):
            proxy = head
    return ref, proxy


def _insert_after(newref, prev):
    nxt = prev.wr_next
    newref.wr_prev = prev
    newref.wr_next = nxt
    if nxt is not None:
        nxt.wr_prev = newref
    prev.wr_next = newref


def _insert_head(newref, ob):
    nxt = ob.weaklist
    newref.wr_prev = None
    newref.wr_next = nxt
    if nxt is not None:
        nxt.wr_prev = newref
    ob.weaklist = newref


def _check_supported(ob):
    tp = ob.ob_type
    if not tp.weakrefable:
        raise GuestError("TypeError",
                         f"cannot create weak reference to '{type_display_name(tp)}' object")


def _alloc(heap, tp, ob, callback):
    """Allocate, initialise (``init_weakref``) and track a weakref of type ``tp``.

    The allocation counts in generation 0 and may run a collection before the object exists,
    as ``PyObject_GC_New`` and ``PyType_GenericAlloc`` do.
    """
    addr = heap.gc_alloc(tp, tp.basicsize)
    wr = WeakrefObject.__new__(WeakrefObject)
    wr.ob_refcnt = 1
    wr.ob_type = tp
    wr.addr = addr
    wr.gc_gen = UNTRACKED
    wr.gc_refs = 0
    wr.gc_flags = 0
    wr.wr_object = ob
    if callback is not None:
        callback.ob_refcnt += 1
    wr.wr_callback = callback
    wr.wr_hash = -1
    wr.wr_prev = None
    wr.wr_next = None
    wr.key = None
    heap.gc.track(wr)
    return wr


def ref_new(heap, ob, callback=None, tp=None):
    """``weakref.ref(ob[, callback])`` (``weakref___new__``; ``tp`` a subtype of ref, the
    exact ref type by default).

    A new reference.  ``callback`` None or ``heap.none`` means no callback; then, for the
    exact ref type, the shared ref is returned when one exists.
    """
    _check_supported(ob)
    if callback is heap.none:
        callback = None
    exact = tp is None or tp is heap.weakref_type
    ref, proxy = get_basic_refs(heap, ob.weaklist)
    if exact and callback is None and ref is not None:
        ref.ob_refcnt += 1
        return ref
    wr = _alloc(heap, heap.weakref_type if exact else tp, ob, callback)
    if exact and callback is None:
        _insert_head(wr, ob)
    else:
        # The allocation may have collected, so the list is looked at again.
        ref, proxy = get_basic_refs(heap, ob.weaklist)
        prev = ref if proxy is None else proxy
        if prev is None:
            _insert_head(wr, ob)
        else:
            _insert_after(wr, prev)
    return wr


def new_ref(heap, ob, callback=None):
    """``PyWeakref_NewRef``: what C code uses; re-checks the shared ref after allocating."""
    _check_supported(ob)
    if callback is heap.none:
        callback = None
    ref, proxy = get_basic_refs(heap, ob.weaklist)
    if callback is None and ref is not None:
        ref.ob_refcnt += 1
        return ref
    wr = _alloc(heap, heap.weakref_type, ob, callback)
    ref, proxy = get_basic_refs(heap, ob.weaklist)
    if callback is None:
        if ref is None:
            _insert_head(wr, ob)
        else:
            heap.decref(wr)
            ref.ob_refcnt += 1
            wr = ref
    else:
        prev = ref if proxy is None else proxy
        if prev is None:
            _insert_head(wr, ob)
        else:
            _insert_after(wr, prev)
    return wr


def new_proxy(heap, ob, callback=None, is_callable=False):
    """``PyWeakref_NewProxy`` (``weakref.proxy``): a new reference to a proxy.

    ``is_callable`` says whether ``ob`` is callable (``PyCallable_Check``), which picks
    ``CallableProxyType``; the caller knows, the object model has no ``tp_call``.
    """
    _check_supported(ob)
    if callback is heap.none:
        callback = None
    ref, proxy = get_basic_refs(heap, ob.weaklist)
    if callback is None and proxy is not None:
        proxy.ob_refcnt += 1
        return proxy
    tp = heap.weakcallableproxy_type if is_callable else heap.weakproxy_type
    wr = _alloc(heap, tp, ob, callback)
    ref, proxy = get_basic_refs(heap, ob.weaklist)
    if callback is None:
        if proxy is not None:
            heap.decref(wr)
            proxy.ob_refcnt += 1
            return proxy
        prev = ref
    else:
        prev = ref if proxy is None else proxy
    if prev is None:
        _insert_head(wr, ob)
    else:
        _insert_after(wr, prev)
    return wr


def is_weakref(heap, obj):
    """``PyWeakref_Check``: a ref (or subclass), a proxy or a callable proxy."""
    tp = obj.ob_type
    return (tp is heap.weakref_type or tp is heap.weakproxy_type
            or tp is heap.weakcallableproxy_type or _is_ref(heap, obj))


def is_proxy(heap, obj):
    tp = obj.ob_type
    return tp is heap.weakproxy_type or tp is heap.weakcallableproxy_type


# --- unlinking ---------------------------------------------------------------------------


def clear_weakref(heap, wr):
    """``clear_weakref``: unlink wr from its referent's list and drop its callback."""
    callback = wr.wr_callback
    ob = wr.wr_object
    if ob is not heap.none:
        if ob.weaklist is wr:
            ob.weaklist = wr.wr_next
        wr.wr_object = heap.none
        prev = wr.wr_prev
        nxt = wr.wr_next
        if prev is not None:
            prev.wr_next = nxt
        if nxt is not None:
            nxt.wr_prev = prev
        wr.wr_prev = None
        wr.wr_next = None
    if callback is not None:
        wr.wr_callback = None
        heap.decref(callback)


def clear_ref(heap, wr):
    """``_PyWeakref_ClearRef``: unlink wr but keep its callback (the collector's variant)."""
    callback = wr.wr_callback
    wr.wr_callback = None
    clear_weakref(heap, wr)
    wr.wr_callback = callback


def gc_clear(heap, wr):
    """``tp_clear`` of weakrefs."""
    clear_weakref(heap, wr)


def weakref_dealloc(heap, wr):
    heap.gc.untrack(wr)
    clear_weakref(heap, wr)
    heap.gc_del(wr)


def proxy_dealloc(heap, wr):
    heap.gc.untrack(wr)
    clear_weakref(heap, wr)
    heap.gc_del(wr)


# --- queries -----------------------------------------------------------------------------


def getweakrefcount(ob):
    """``_PyWeakref_GetWeakrefCount`` of ob's list (0 for types without weakrefs)."""
    if not ob.ob_type.weakrefable:
        return 0
    n = 0
    wr = ob.weaklist
    while wr is not None:
        n += 1
        wr = wr.wr_next
    return n


def getweakrefs(ob):
    """The weakrefs to ob in list order (borrowed; ``_weakref.getweakrefs`` increfs them)."""
    result = []
    if ob.ob_type.weakrefable:
        wr = ob.weaklist
        while wr is not None:
            result.append(wr)
            wr = wr.wr_next
    return result

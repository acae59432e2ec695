"""What an object's death does to its weak references (``PyObject_ClearWeakRefs``), and the
library API of the ``weakref`` module.

``clear_weakrefs(heap, obj)`` is installed as ``heap.clear_weakrefs``; the deallocs of weakly
referenceable types call it first thing when ``obj.weaklist`` is not None.  It follows
Objects/weakrefobject.c:

1. the shared callback-less ref and proxy at the head of the list are cleared first, without
   anything being called;
2. if one weakref remains, it is cleared and its callback called with it (if the weakref
   itself is still alive);
3. otherwise a tuple of ``2 * count`` items is allocated (``PyTuple_New``: a real simulated
   tuple, so the allocation and the generation-0 count are CPython's), each live weakref and
   its callback are stored in it and the weakref cleared; then the callbacks are called in
   list order, which is newest first; then the tuple is released, which releases the weakrefs
   and callbacks last to first.

The referent's refcount is already zero while the callbacks run, so ``wr()`` returns None in
them.  An exception from a callback goes to ``heap.write_unraisable``.

The collector clears weakrefs to cyclic garbage itself (``handle_weakrefs``); this module is
only about deaths by refcount.
"""

from heapsim.base.errors import GuestException
from heapsim.base.events import FinalizerCall
from heapsim.objects import weakrefobject as wro


def handle_callback(heap, wr, callback):
    """``handle_callback``: ``callback(wr)``, an exception being unraisable."""
    tracer = heap.tracer
    if tracer is not None:
        tracer.event(FinalizerCall(wr.addr, "weakref-callback"))
    try:
        result = heap.call_object(callback, [wr])
    except GuestException as exc:
        write_unraisable(heap, exc.exc, callback)
    else:
        if result is not None:
            heap.decref(result)


def write_unraisable(heap, exc, context):
    hook = heap.write_unraisable
    if hook is None:
        heap.reclaim.collector.unraisable.append((exc, context))
    else:
        hook(exc, context)


def clear_weakrefs(heap, obj):
    """``PyObject_ClearWeakRefs(obj)`` for an object whose refcount reached zero."""
    clear_weakref = wro.clear_weakref
    head = obj.weaklist
    if head is not None and head.wr_callback is None:
        clear_weakref(heap, head)
        head = obj.weaklist
        if head is not None and head.wr_callback is None:
            clear_weakref(heap, head)
            head = obj.weaklist
    if head is None:
        return
    count = 0
    wr = head
    while wr is not None:
        count += 1
        wr = wr.wr_next
    if count == 1:
        callback = head.wr_callback
        head.wr_callback = None
        clear_weakref(heap, head)
        if callback is not None:
            if head.ob_refcnt > 0:
                handle_callback(heap, head, callback)
            heap.decref(callback)
        return
    state = heap.reclaim
    tuple_new = state.tuple_new
    if tuple_new is not None:
        holder = tuple_new(heap, 2 * count)
        slots = holder.items
    else:
        holder = None
        slots = [None] * (2 * count)
    current = head
    for i in range(count):
        nxt = current.wr_next
        if current.ob_refcnt > 0:
            current.ob_refcnt += 1
            slots[2 * i] = current
            slots[2 * i + 1] = current.wr_callback      # the tuple takes this reference
        else:
            heap.xdecref(current.wr_callback)
        current.wr_callback = None
        clear_weakref(heap, current)
        current = nxt
    for i in range(count):
        callback = slots[2 * i + 1]
        if callback is not None:
            handle_callback(heap, slots[2 * i], callback)
    if holder is not None:
        heap.decref(holder)
    else:
        # No tuple type yet: release the items as tupledealloc would, last to first.
        for i in range(2 * count - 1, -1, -1):
            heap.xdecref(slots[i])


# --- the weakref module's functions, for the layers above ----------------------------------


def ref(heap, obj, callback=None):
    """``weakref.ref(obj[, callback])``: a new reference (shared when there is no callback)."""
    return wro.ref_new(heap, obj, callback)


def proxy(heap, obj, callback=None, is_callable=False):
    """``weakref.proxy(obj[, callback])``: a new reference."""
    return wro.new_proxy(heap, obj, callback, is_callable)


def deref(heap, wr):
    """Calling a ref: a new reference to the referent, or to None once it is gone."""
    obj = wro.get_object(heap, wr)
    obj.ob_refcnt += 1
    return obj


def getweakrefcount(heap, obj):
    """``weakref.getweakrefcount(obj)`` (a host int)."""
    return wro.getweakrefcount(obj)


def getweakrefs(heap, obj):
    """``weakref.getweakrefs(obj)``: the weakrefs in list order, as a host list of borrowed
    references (the caller builds the simulated list)."""
    return wro.getweakrefs(obj)

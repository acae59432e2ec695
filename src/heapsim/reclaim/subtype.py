"""``subtype_dealloc`` (Objects/typeobject.c): how instances of classes defined in Python die.

Every heap type's ``tp_dealloc`` is ``subtype_dealloc``.  For a GC heap type (all classes
defined by a ``class`` statement are) it participates in the trashcan (``tp.trashcan`` true;
the wrapper in ``refcount.py`` does the nesting and the deposit) and then runs, in CPython's
order:

1. untrack the object;
2. ``tp_finalize`` (``__del__``, PEP 442) if the type has one and the object was not finalized
   already; the object is tracked again around the call and *temporarily resurrected* (refcount
   1, ``PyObject_CallFinalizerFromDealloc``); if the finalizer stored a new reference somewhere
   the dealloc stops there and the object lives on;
3. ``PyObject_ClearWeakRefs`` (weakref callbacks run now, after ``__del__``) when the class
   added the ``__weakref__`` slot;
4. ``tp_del`` (legacy finalizer), tracked again around it; a resurrection stops the dealloc;
5. if there was a finalizer, weakrefs created meanwhile are cleared without callbacks;
6. ``__slots__`` members are cleared, for each class up to the nearest base with another dealloc;
7. the managed dict is released, or the values array's attributes (in shared-key order) and the
   array itself;
8. the base type's dealloc runs (for ``object``: ``PyObject_GC_Del``), and finally
9. the heap type loses the reference its instance held.

Steps 6, 7 and the memory release are ``instanceobject``'s functions (``instance_clear_slots``,
``instance_free_dict_or_values``, ``instance_free_memory``); this module only composes them, so
the order lives in one place.
"""

from heapsim.base.events import FinalizerCall
from heapsim.objects.core import FINALIZED, TPFLAGS_HEAPTYPE, TPFLAGS_MANAGED_DICT, UNTRACKED
from heapsim.objects.instanceobject import (
    instance_clear_slots, instance_free_dict_or_values, instance_free_memory,
)
from heapsim.objects.weakrefobject import clear_ref


def call_finalizer_from_dealloc(heap, obj):
    """``PyObject_CallFinalizerFromDealloc``: run ``tp_finalize`` on a dying object.

    The object is given a refcount of 1 for the call.  Returns True if it was resurrected
    (the finalizer left a reference to it somewhere), False on the normal path.
    """
    obj.ob_refcnt = 1
    tp = obj.ob_type
    finalize = tp.tp_finalize
    if finalize is not None and not (tp.is_gc and obj.gc_flags & FINALIZED):
        if heap.tracer is not None:
            heap.tracer.event(FinalizerCall(obj.addr, "__del__"))
        finalize(heap, obj)
        if tp.is_gc:
            obj.gc_flags |= FINALIZED
    rc = obj.ob_refcnt - 1
    obj.ob_refcnt = rc
    return rc != 0


def call_finalizer(heap, obj):
    """``PyObject_CallFinalizer``: ``tp_finalize`` at most once (for GC types)."""
    tp = obj.ob_type
    finalize = tp.tp_finalize
    if finalize is None or (tp.is_gc and obj.gc_flags & FINALIZED):
        return
    finalize(heap, obj)
    if tp.is_gc:
        obj.gc_flags |= FINALIZED


# Every dealloc function built by ``make_subtype_dealloc`` (``subtype_dealloc`` among them):
# ``Py_TYPE(base)->tp_dealloc == subtype_dealloc`` is a membership test here.
SUBTYPE_DEALLOCS = set()


def _nearest_base(tp):
    """The nearest base class whose dealloc is not a ``subtype_dealloc``."""
    base = tp
    deallocs = SUBTYPE_DEALLOCS
    while base.tp_dealloc in deallocs:
        base = base.base
    return base


def make_subtype_dealloc(pieces):
    """Build ``subtype_dealloc`` over an instance layout given by the list ``pieces`` of three
    functions:

    * ``clear_slots(heap, tp, obj)``: clear the ``__slots__`` members ``tp`` added;
    * ``free_dict_or_values(heap, obj)``: release the managed dict, or the values array's
      attributes (in shared-key order) and the array itself;
    * ``free_memory(heap, obj)``: ``tp_free`` when the nearest non-heap base is ``object``
      (``PyObject_GC_Del`` for GC types).

    ``subtype_dealloc`` itself uses instanceobject's functions; tests build the same algorithm
    over their own small layouts.
    """

    def dealloc(heap, obj):
        clear_slots, free_dict_or_values, free_memory = pieces
        tp = obj.ob_type
        gc = heap.gc
        if not tp.is_gc:
            if tp.tp_finalize is not None:
                if call_finalizer_from_dealloc(heap, obj):
                    return
            if tp.tp_del is not None:
                tp.tp_del(heap, obj)
                if obj.ob_refcnt > 0:
                    return
            base = _nearest_base(tp)
            tp = obj.ob_type
            needs_decref = (bool(tp.flags & TPFLAGS_HEAPTYPE)
                            and not base.flags & TPFLAGS_HEAPTYPE)
            _base_dealloc(heap, base, obj, free_memory)
            if needs_decref:
                heap.decref(tp)
            return

        # PyObject_GC_UnTrack (inline: this is the hot path of every instance's death).
        g = obj.gc_gen
        if g != UNTRACKED:
            del gc.lists[g][obj]
            obj.gc_gen = UNTRACKED
        deallocs = SUBTYPE_DEALLOCS
        base = tp.base
        if base.tp_dealloc in deallocs:
            base = _nearest_base(base)
        finalize = tp.tp_finalize
        legacy = tp.tp_del
        if finalize is not None:
            gc.track(obj)
            if call_finalizer_from_dealloc(heap, obj):
                return                                  # resurrected
            gc.untrack(obj)
        owns_weaklist = tp.weakrefable and not base.weakrefable
        if owns_weaklist and obj.weaklist is not None:
            heap.clear_weakrefs(obj)
        if legacy is not None:
            gc.track(obj)
            legacy(heap, obj)
            if obj.ob_refcnt > 0:
                return                                  # resurrected
            gc.untrack(obj)
        if owns_weaklist and (finalize is not None or legacy is not None):
            # Weakrefs made by the finalizer are cleared without calling their callbacks.
            while obj.weaklist is not None:
                clear_ref(heap, obj.weaklist)

        b = tp
        while b.tp_dealloc in deallocs:
            if b.slot_names:
                clear_slots(heap, b, obj)
            b = b.base
        if tp.flags & TPFLAGS_MANAGED_DICT or getattr(obj, "dict", None) is not None:
            free_dict_or_values(heap, obj)

        tp = obj.ob_type
        needs_decref = tp.flags & TPFLAGS_HEAPTYPE and not base.flags & TPFLAGS_HEAPTYPE
        if base is heap.object_type:
            free_memory(heap, obj)
        else:
            if base.is_gc:
                gc.track(obj)
            base.tp_dealloc(heap, obj)
        if needs_decref:
            rc = tp.ob_refcnt - 1
            tp.ob_refcnt = rc
            if rc == 0:
                heap.dealloc(tp)

    SUBTYPE_DEALLOCS.add(dealloc)
    return dealloc


def _base_dealloc(heap, base, obj, free_memory):
    """Call the base type's dealloc; ``object``'s is ``tp_free`` of the heap type."""
    if base is heap.object_type:
        free_memory(heap, obj)
    else:
        base.tp_dealloc(heap, obj)


subtype_dealloc = make_subtype_dealloc([instance_clear_slots, instance_free_dict_or_values,
                                        instance_free_memory])
subtype_dealloc.__name__ = "subtype_dealloc"
subtype_dealloc.__doc__ = "``tp_dealloc`` of heap types (the trashcan is the reclaim wrapper's)."

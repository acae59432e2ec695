"""The reclaim layer: reference counting and deallocation, the cycle collector, finalizers and
weak references (Include/object.h's Py_DECREF path, the trashcan, Modules/gcmodule.c,
Objects/weakrefobject.c's clearing).

``install(heap)`` plugs the layer into a heap built by ``heapsim.objects.bootstrap``:

* ``heap.dealloc``: the dealloc cascade with the trashcan (``refcount.Reclaimer``);
* ``heap.gc.collect_hook``: the automatic collection (``collector.Collector``);
* ``heap.clear_weakrefs``: ``PyObject_ClearWeakRefs`` (``weakrefs.clear_weakrefs``);
* ``heap.subtype_dealloc``: the ``tp_dealloc`` of heap types (``subtype.subtype_dealloc``);
* ``heap.gc.garbage`` / ``heap.gc.callbacks``: the ``gc.garbage`` and ``gc.callbacks`` lists;
* ``heap.reclaim``: this layer's state (``ReclaimState``).

The library API is ``heapsim.reclaim.gcapi`` (the ``gc`` module) and
``heapsim.reclaim.weakrefs`` (the ``weakref`` module).  Guest code runs only through the hooks
the runtime injects on the heap: ``heap.call_object`` (weakref and gc callbacks),
``heap.write_unraisable``, and the types' ``tp_finalize``/``tp_del``.
"""

from heapsim.reclaim import subtype as _subtype
from heapsim.reclaim.audit import check_heap, compute_baseline
from heapsim.objects.gcstate import NUM_GENERATIONS
from heapsim.objects.listobject import list_new
from heapsim.objects.tupleobject import tuple_new
from heapsim.reclaim.collector import Collector
from heapsim.reclaim.refcount import Reclaimer
from heapsim.reclaim.weakrefs import clear_weakrefs


# ``ReclaimState`` is what the layer keeps on the heap (``heap.reclaim``): its two engines, the
# functions it borrows from type modules, the audit's baseline (references the runtime held
# to each static object at install time) and root providers (callables returning the objects
# the host holds, one entry per reference), and whether an audit is due.
class ReclaimState:
    """The reclaim layer's per-heap state."""

    def __init__(self, heap, audit):
        self.heap = heap
        self.reclaimer = Reclaimer(heap)
        self.collector = Collector(heap)
        self.tuple_new = tuple_new
        self.audit_enabled = audit
        self.audit_pending = False
        self.audits_run = 0
        self.root_providers = []
        self.baseline = {}
        self.late_strs = []
        self.automatic = False
        # The runtime's test for a safe point (every host-held reference declared to the
        # audit); None: always, as for a heap driven by tests step by step.
        self.safe_point = None
        self.allocs_since_audit = 0

    def runtime_roots(self):
        """Objects the runtime itself holds one reference to: gc.garbage, gc.callbacks."""
        gc = self.heap.gc
        return [x for x in (gc.garbage, gc.callbacks) if x is not None]

    def extra_blocks(self):
        """Allocator blocks owned by the runtime rather than by objects (none yet)."""
        return ()

    def on_collection(self, generation):
        """An audit falls due after every explicit collection and every full one.  After an
        automatic young collection it falls due once the allocations since the last audit
        (``threshold[0]`` per generation-0 collection) reach the number of tracked objects,
        so the audits' total cost stays proportional to the program's own allocations."""
        if not self.audit_enabled:
            return
        if self.automatic and generation < NUM_GENERATIONS - 1:
            gc = self.heap.gc
            self.allocs_since_audit += gc.threshold[0]
            if self.allocs_since_audit < sum(len(lst) for lst in gc.lists):
                return
        self.audit_pending = True

    def collect_automatic(self):
        """The heap's ``collect_hook``: the collector's automatic collection, marked as such
        for ``on_collection``."""
        self.automatic = True
        try:
            return self.collector.collect_automatic()
        finally:
            self.automatic = False

    def quiescent(self):
        """No collection running and no dealloc cascade half done (a finalizer calling
        ``gc.collect()`` is not a safe point)."""
        r = self.reclaimer
        return (not self.heap.gc.collecting and not r.nesting and not r.depth
                and not r.pending())

    def settle_baseline(self):
        """A static string made after install and then interned (``static_interned_str``) has
        the interned table's two uncounted references taken off its refcount right after it
        is made: its baseline follows."""
        if self.late_strs:
            for s in self.late_strs:
                if s.interned:
                    self.baseline[s] -= 2
            self.late_strs.clear()

    def checkpoint(self):
        """At a safe point (no C operation half done): run the audit if a collection happened
        since the last one.  Explicit ``gcapi.collect`` calls it; an interpreter calls it
        between instructions or statements; tests call it after each step."""
        if self.audit_pending and self.quiescent() and (self.safe_point is None
                                                         or self.safe_point()):
            self.audit_pending = False
            self.audits_run += 1
            self.allocs_since_audit = 0
            self.settle_baseline()
            check_heap(self.heap)


def install(heap, audit=False):
    """Install the reclaim layer on ``heap`` (once); return its ``ReclaimState``."""
    existing = heap.reclaim
    if existing is not None:
        existing.audit_enabled = existing.audit_enabled or audit
        return existing
    state = ReclaimState(heap, audit)
    heap.reclaim = state
    heap.dealloc = state.reclaimer.dealloc
    heap.clear_weakrefs = lambda obj: clear_weakrefs(heap, obj)
    heap.subtype_dealloc = _subtype.subtype_dealloc
    gc = heap.gc
    gc.collect_hook = state.collect_automatic if audit else state.collector.collect_automatic
    state.collector.after_collection = state.on_collection
    if gc.garbage is None:
        gc.garbage = list_new(heap, 0)
    if gc.callbacks is None:
        gc.callbacks = list_new(heap, 0)
    state.baseline = compute_baseline(heap)
    _register_late_statics(heap, state)
    return state


def _register_late_statics(heap, state):
    """Static objects made after install (lazily created method descriptors, types, strings)
    enter the audit baseline as they are made: nothing references a new static object yet, so
    its baseline is its initial refcount."""
    make_static = heap.make_static
    str_type = heap.str_type

    def make_static_registered(obj, tp, size, refcnt=None):
        obj = make_static(obj, tp, size, refcnt)
        state.baseline[obj] = obj.ob_refcnt
        if tp is str_type:
            state.late_strs.append(obj)
        return obj

    heap.make_static = make_static_registered


def add_root_provider(heap, provider):
    """Register ``provider()`` -> iterable of objects the host holds (one entry per
    reference), for the audit."""
    heap.reclaim.root_providers.append(provider)


def remove_root_provider(heap, provider):
    heap.reclaim.root_providers.remove(provider)


def checkpoint(heap):
    """Run the audit now if one is due (see ``ReclaimState.checkpoint``)."""
    heap.reclaim.checkpoint()


def audit(heap, roots=()):
    """Audit the heap now, whatever the settings; raise ``AuditFailure`` on findings."""
    heap.reclaim.audits_run += 1
    heap.reclaim.settle_baseline()
    check_heap(heap, roots)

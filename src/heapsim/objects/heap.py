"""The heap: one simulated interpreter's objects, allocator, caches and free lists.

``Heap`` is the C level of one run, what CPython keeps in ``_PyRuntime`` and the interpreter
state: the allocator it was handed (never imported: the composition root passes it in), the
static region where statically allocated objects live, the builtin type objects, the
singletons and caches (small ints, one-character strings, the interned-string table), the
per-type free lists, and the collector's generation lists.

Hot paths reach the type objects and caches as plain attributes (``heap.int_type``,
``heap.small_ints[v + 5]``), so that code can inline them.  The type modules add their state
to the heap in their ``init(heap)`` functions, called in dependency order by
``heapsim.objects.bootstrap``.

Reference counting is ``obj.ob_refcnt += 1`` inline for an incref and ``heap.decref(obj)``
for a decref.  What happens at zero is ``heap.dealloc(obj)``, which the reclaim layer installs
(the trashcan and the cascade are its business); until then a plain recursive call of the
type's ``tp_dealloc`` stands in.
"""

from heapsim.base.errors import OutOfMemory, SimulatorBug
from heapsim.objects.core import UNTRACKED
from heapsim.objects.gcstate import GCState


class Heap:
    """The state of one simulated interpreter at the C level."""

    def __init__(self, profile, allocator):
        self.profile = profile
        self.objcfg = profile.objects
        self.allocator = allocator
        self.malloc = allocator.malloc
        self.free = allocator.free
        self.realloc = allocator.realloc
        self.gc = GCState(profile.gc.thresholds)
        self.static_next = profile.memory.static_base
        self.static_objects = []        # every statically allocated object, in creation order
        self.types = {}                 # builtin type name -> TypeObject
        self.tracer = None
        self.dealloc = self._plain_dealloc
        # Set by the interpreter layer: call_object(callable, args_tuple_host_list) -> object.
        self.call_object = None
        # Set by the interpreter layer: write_unraisable(exc_object, context_object).
        self.write_unraisable = None
        # Set by the reclaim layer: clear_weakrefs(obj) (PyObject_ClearWeakRefs).  Deallocs of
        # weakly referenceable types call it first when obj.weaklist is not None.
        self.clear_weakrefs = None
        # Set by the interpreter layer: iterate(obj) -> host iterator of new references, for
        # the C paths that consume an arbitrary iterable (set.update(gen), list(x), ...).
        self.iterate = None
        # The tp_dealloc of heap types: instanceobject's reduced one, replaced by the reclaim
        # layer's ``subtype_dealloc`` (finalizers, weakrefs) when it is installed.
        self.subtype_dealloc = None
        # The reclaim layer's state (``heapsim.reclaim.ReclaimState``) once it is installed.
        self.reclaim = None

    # --- reference counting -------------------------------------------------------------

    def decref(self, obj):
        """``Py_DECREF``."""
        rc = obj.ob_refcnt - 1
        obj.ob_refcnt = rc
        if rc == 0:
            self.dealloc(obj)
        elif rc < 0:
            raise SimulatorBug(f"negative refcount on {obj!r}")

    def xdecref(self, obj):
        """``Py_XDECREF``: decref unless obj is None (a host None, i.e. a NULL pointer)."""
        if obj is not None:
            rc = obj.ob_refcnt - 1
            obj.ob_refcnt = rc
            if rc == 0:
                self.dealloc(obj)

    def _plain_dealloc(self, obj):
        obj.ob_type.tp_dealloc(self, obj)

    # --- allocation ---------------------------------------------------------------------

    def alloc(self, tp, size):
        """Allocate a block for an object of ``size`` bytes (pre-header added); return its id."""
        pre = tp.preheader
        return self.malloc(size + pre) + pre

    def gc_alloc(self, tp, size):
        """``gc_alloc``/``_PyType_AllocNoTrack``: allocate, then count it in generation 0.

        The count (and so a possible automatic collection) comes after the memory is taken,
        as in CPython; the new object is not yet tracked and is not seen by that collection.
        """
        pre = tp.preheader
        addr = self.malloc(size + pre) + pre
        self.gc.link()
        return addr

    def free_object(self, obj):
        """Give a non-GC object's memory back to the allocator (``PyObject_Free``)."""
        self.free(obj.addr - obj.ob_type.preheader)

    def tp_free(self, obj):
        """``tp_free`` of a type: ``PyObject_GC_Del`` for GC types, ``PyObject_Free`` else."""
        if obj.ob_type.is_gc:
            self.gc_del(obj)
        else:
            self.free(obj.addr - obj.ob_type.preheader)

    def gc_del(self, obj):
        """``PyObject_GC_Del``: untrack if needed, uncount, and free the block."""
        gc = self.gc
        if obj.gc_gen >= 0:
            gc.untrack(obj)
        if gc.count[0] > 0:
            gc.count[0] -= 1
        self.free(obj.addr - obj.ob_type.preheader)

    def static_alloc(self, size, align=16):
        """An address in the static region (objects that live in CPython's binary)."""
        addr = (self.static_next + align - 1) & ~(align - 1)
        self.static_next = addr + max(size, 1)
        return addr

    def make_static(self, obj, tp, size, refcnt=None):
        """Give ``obj`` a static address and its initial refcount (999999999 by default)."""
        obj.ob_type = tp
        obj.ob_refcnt = self.objcfg.static_refcnt if refcnt is None else refcnt
        obj.addr = self.static_alloc(size + tp.preheader) + tp.preheader
        if tp.is_gc:
            obj.gc_gen = UNTRACKED
            obj.gc_refs = 0
            obj.gc_flags = 0
        self.static_objects.append(obj)
        return obj

    def register_static_type(self, tp):
        """Place a builtin type object in the static region and index it by name."""
        self.make_static(tp, self.types["type"] if "type" in self.types else tp,
                         STATIC_TYPE_SIZE, refcnt=1)
        self.types[tp.name] = tp
        return tp

    def out_of_memory(self, request):
        """Raise the allocator's error for a request that cannot be satisfied."""
        raise OutOfMemory(request, self.profile.memory.heap_limit)


# sizeof(PyTypeObject) on 64-bit 3.11: what ``type.__sizeof__`` reports for a static type.
STATIC_TYPE_SIZE = 408

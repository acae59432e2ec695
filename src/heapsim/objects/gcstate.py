"""The collector's bookkeeping that lives with the objects: generation lists and counters.

In CPython every GC object carries a ``PyGC_Head`` that links it into the list of its
generation, and ``_PyObject_GC_Link`` bumps generation 0's count at each allocation.  Those
are properties of the object model, so they live here; the algorithm that walks the lists
(``gc_collect_main``) is the reclaim layer's.

Each generation list is a host ``dict`` used as an insertion-ordered set: appending is
``d[obj] = None``, unlinking is ``del d[obj]`` and merging a younger list onto the end of an
older one is ``old.update(young); young.clear()``, which is exactly ``gc_list_merge``'s order.
Index 3 is the permanent generation of ``gc.freeze()``.  An object's ``gc_gen`` names the list
that holds it (``UNTRACKED`` when none does).

``lists[4:]`` are the collector's scratch lists, appended by the reclaim layer's ``Collector``
and empty between collections: objects being scanned, the unreachable set, the legacy
finalizers and the weakrefs whose callbacks are due (its ``SCAN``, ``UNREACHABLE``,
``FINALIZERS`` and ``WRCB`` indices).  An object is in one of them only while a collection
runs.
"""

from heapsim.objects.core import UNTRACKED

NUM_GENERATIONS = 3
PERMANENT = 3


class GCState:
    """``struct _gc_runtime_state``: lists, counts, thresholds, flags and statistics."""

    __slots__ = (
        "lists", "count", "threshold", "enabled", "collecting", "long_lived_total",
        "long_lived_pending", "debug", "stats", "garbage", "callbacks", "collect_hook",
        "startup_long_lived",
    )

    def __init__(self, thresholds):
        self.lists = [{} for _ in range(NUM_GENERATIONS + 1)]
        self.count = [0] * NUM_GENERATIONS
        self.threshold = list(thresholds)
        self.enabled = True
        self.collecting = False
        self.long_lived_total = 0
        self.long_lived_pending = 0
        # Objects a real CPython process keeps in the oldest generation that the simulation
        # does not model (start-up modules, code, types): counted into long_lived_total at
        # every full collection so that the gen-2 skip rule behaves as in CPython.  A
        # runtime sets it; 0 for bare heaps.
        self.startup_long_lived = 0
        self.debug = 0
        # per generation: [collections, collected, uncollectable]
        self.stats = [[0, 0, 0] for _ in range(NUM_GENERATIONS)]
        self.garbage = None          # the simulated gc.garbage list, created by a higher layer
        self.callbacks = None        # the simulated gc.callbacks list, likewise
        # Called as collect_hook() when an allocation passes generation 0's threshold; the
        # reclaim layer installs its gc_collect_generations here.
        self.collect_hook = None

    def track(self, obj):
        """``_PyObject_GC_TRACK``: append obj to generation 0."""
        self.lists[0][obj] = None
        obj.gc_gen = 0

    def untrack(self, obj):
        """``PyObject_GC_UnTrack``: unlink obj if it is tracked (idempotent)."""
        gen = obj.gc_gen
        if gen >= 0:
            del self.lists[gen][obj]
            obj.gc_gen = UNTRACKED

    def is_tracked(self, obj):
        return getattr(obj, "gc_gen", UNTRACKED) >= 0

    def link(self):
        """``_PyObject_GC_Link``: count an allocation of a GC object; maybe collect."""
        count = self.count
        count[0] += 1
        if (count[0] > self.threshold[0] and self.enabled and self.threshold[0]
                and not self.collecting and self.collect_hook is not None):
            self.collect_hook()

    def unlink(self):
        """The counting half of ``PyObject_GC_Del``."""
        if self.count[0] > 0:
            self.count[0] -= 1

    def tracked_objects(self):
        """Every tracked object, youngest generation first, each list in its order, then the
        permanent generation (not the collector's scratch lists)."""
        for lst in self.lists[:PERMANENT + 1]:
            yield from lst

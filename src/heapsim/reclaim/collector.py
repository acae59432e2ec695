"""The generational cycle collector (Modules/gcmodule.c of 3.11): ``gc_collect_main`` and the
automatic trigger.

The collector walks the generation lists that ``heap.gc`` (objects/gcstate.py) keeps: host
dicts used as insertion-ordered sets, one per generation plus the permanent one.  CPython
threads its lists through each object's ``PyGC_Head`` and, during a collection, reuses
``_gc_prev`` for the ``gc_refs`` count and two flag bits (``PREV_MASK_COLLECTING``,
``NEXT_MASK_UNREACHABLE``).  Here ``gc_refs`` is the object's slot of that name, and the flags
are folded into ``gc_gen``, the index of the list that holds the object: during a collection
the collector appends scratch lists to ``heap.gc.lists`` and gives them indices above the
permanent generation:

* ``SCAN``: the young generation being examined (``COLLECTING`` set, not yet scanned);
* ``UNREACHABLE``: the tentatively unreachable objects, later the garbage (``COLLECTING`` set);
* ``FINALIZERS``: unreachable objects with legacy ``tp_del`` finalizers and everything
  reachable from them (``COLLECTING`` cleared);
* ``WRCB``: reachable weakrefs whose callbacks are to be called (``wrcb_to_call``).

Young objects that ``move_unreachable`` scans and finds reachable go straight onto the end of
the list they are merged into (``COLLECTING`` cleared); appending them there in scan order is
what CPython's ``gc_list_merge`` of the reordered young list gives.

So "is this object in the collection" is one integer comparison, and an object's ``gc_gen``
always names the list that holds it whenever code outside the collector can run (finalizers,
callbacks, deallocs), which keeps ``heap.gc.untrack`` correct in the middle of a collection.

The steps and their order are ``gc_collect_main``'s: merge the younger generations into the
collected one (oldest first, then 0, 1, ...), ``deduce_unreachable`` (``update_refs``,
``subtract_refs``, ``move_unreachable`` with its reordering of the survivors),
``untrack_tuples``, promotion (or ``untrack_dicts`` on full collections),
``move_legacy_finalizers`` and ``move_legacy_finalizer_reachable``, ``handle_weakrefs``,
``finalize_garbage``, ``handle_resurrected_objects``, ``delete_garbage``,
``handle_legacy_finalizers``, ``clear_freelists`` on full collections, statistics.

Where CPython repeatedly takes "the first object of the list" while callbacks may delete
arbitrary members (``finalize_garbage``, ``delete_garbage``, calling weakref callbacks), the
collector walks a snapshot of the list and skips the objects that have left it: nothing can
join those lists meanwhile, so the visiting order is the same, and a host dict does not have
to be popped from the front (which is quadratic).
"""

import time

from heapsim.base.errors import GuestException
from heapsim.base.events import FinalizerCall, GCPhase
from heapsim.objects.core import (
    FINALIZED, TPFLAGS_HEAPTYPE, TPFLAGS_TYPE_SUBCLASS, UNTRACKED,
)
from heapsim.objects.gcstate import NUM_GENERATIONS, PERMANENT
from heapsim.objects.dictobject import (
    dict_clear_freelists, dict_maybe_untrack, dict_new, dict_setitem,
)
from heapsim.objects.floatobject import float_clear_freelist
from heapsim.objects.listobject import list_append, list_clear_freelist
from heapsim.objects.longobject import new_int
from heapsim.objects.tupleobject import tuple_clear_freelists, tuple_maybe_untrack
from heapsim.objects.unicodeobject import new_str
from heapsim.objects.weakrefobject import clear_ref

# ``clear_freelists`` in CPython's order: tuple, float, list, dict (async generators and
# contexts are not modelled).
FREELIST_CLEARERS = (tuple_clear_freelists, float_clear_freelist, list_clear_freelist,
                     dict_clear_freelists)

# Indices of the collector's scratch lists in heap.gc.lists (see the module docstring).
SCAN = PERMANENT + 1
UNREACHABLE = PERMANENT + 2
FINALIZERS = PERMANENT + 3
WRCB = PERMANENT + 4
NUM_LISTS = WRCB + 1

# gc.set_debug flags (Modules/gcmodule.c)
DEBUG_STATS = 1 << 0
DEBUG_COLLECTABLE = 1 << 1
DEBUG_UNCOLLECTABLE = 1 << 2
DEBUG_SAVEALL = 1 << 5
DEBUG_LEAK = DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL


def is_gc_object(obj):
    """``_PyObject_IS_GC``: a GC type, and for type objects only heap types."""
    tp = obj.ob_type
    if not tp.is_gc:
        return False
    if tp.flags & TPFLAGS_TYPE_SUBCLASS:
        return bool(obj.flags & TPFLAGS_HEAPTYPE)
    return True


# ``Collector`` is the algorithm half of CPython's ``struct _gc_runtime_state`` (the data half
# is ``heap.gc``).  It keeps ``kinds``, a per-type cache of "is a weakref / is weakly
# referenceable" used by ``handle_weakrefs``.  ``after_collection`` is called with the
# generation after every ``gc_collect_main`` (the audit uses it).  ``write_stderr`` (set by
# the guest ``gc`` module) receives the messages of ``gc.set_debug``'s DEBUG_STATS,
# DEBUG_COLLECTABLE and DEBUG_UNCOLLECTABLE, worded as CPython prints them.
class Collector:
    """``gc_collect_main`` and friends for one heap."""

    def __init__(self, heap):
        self.heap = heap
        self.gc = gc = heap.gc
        while len(gc.lists) < NUM_LISTS:
            gc.lists.append({})
        self.freelist_clearers = FREELIST_CLEARERS
        self.write_stderr = None     # the guest's stderr, for the DEBUG_* messages
        self.tuple_type = heap.tuple_type
        self.dict_type = heap.dict_type
        self.kinds = {}
        self.after_collection = None
        self.callback_args = CallbackArgs(heap)
        self.unraisable = []         # (exception, context) when the heap has no hook

    # --- entry points -------------------------------------------------------------------

    def collect_automatic(self):
        """The ``collect_hook`` of ``heap.gc``: ``_PyObject_GC_Link``'s collection."""
        gc = self.gc
        gc.collecting = True
        try:
            self.collect_generations()
        finally:
            gc.collecting = False

    def collect_generations(self):
        """``gc_collect_generations``: collect the oldest generation over its threshold.

        The oldest generation is skipped while fewer than a quarter of the long-lived objects
        are new since the last full collection (``long_lived_pending < long_lived_total / 4``).
        """
        gc = self.gc
        count = gc.count
        threshold = gc.threshold
        for i in range(NUM_GENERATIONS - 1, -1, -1):
            if count[i] > threshold[i]:
                if (i == NUM_GENERATIONS - 1
                        and gc.long_lived_pending < gc.long_lived_total // 4):
                    continue
                return self.collect_with_callback(i)
        return 0

    def collect(self, generation=NUM_GENERATIONS - 1):
        """``gc.collect(generation)`` once the argument is checked: 0 if already collecting."""
        gc = self.gc
        if gc.collecting:
            return 0
        gc.collecting = True
        try:
            return self.collect_with_callback(generation)
        finally:
            gc.collecting = False

    def collect_with_callback(self, generation):
        """``gc_collect_with_callback``: 'start' callbacks, the collection, 'stop' callbacks."""
        self.invoke_callbacks("start", generation, 0, 0)
        collected, uncollectable = self.collect_main(generation)
        self.invoke_callbacks("stop", generation, collected, uncollectable)
        return collected + uncollectable

    # --- gc_collect_main ----------------------------------------------------------------

    def collect_main(self, generation):
        """One collection of ``generation``; returns (collected, uncollectable)."""
        heap = self.heap
        gc = self.gc
        lists = gc.lists
        count = gc.count
        tracer = heap.tracer
        if tracer is not None:
            tracer.event(GCPhase(generation, "start"))

        debug = gc.debug
        if debug & DEBUG_STATS:
            t1 = self.debug_start(generation)
        if generation + 1 < NUM_GENERATIONS:
            count[generation + 1] += 1
        for i in range(generation + 1):
            count[i] = 0

        # Merge the younger generations onto the collected one: its own list, then 0, 1, ...
        base = list(lists[generation])
        for i in range(generation):
            base.extend(lists[i])
        for i in range(generation + 1):
            lists[i].clear()
        full = generation == NUM_GENERATIONS - 1
        old_index = generation if full else generation + 1
        old = lists[old_index]

        # deduce_unreachable; the survivors go straight onto the end of ``old`` in the order
        # move_unreachable leaves them (which is the order gc_list_merge would give).
        unreachable = lists[UNREACHABLE]
        before = len(old)
        tuple_type = self.tuple_type
        dict_type = self.dict_type if full else None
        candidates = self.deduce_unreachable(base, unreachable, old, old_index,
                                             tuple_type, dict_type)
        del base
        if tracer is not None:
            tracer.event(GCPhase(generation, "unreachable", objects=tuple(unreachable)))
            tracer.event(GCPhase(generation, "promote", len(old) - before))

        # untrack_tuples over the survivors, then (full collections only) untrack_dicts.
        if candidates:
            for op in candidates:
                if op.ob_type is tuple_type:
                    tuple_maybe_untrack(heap, op)
            if full:
                for op in candidates:
                    if op.ob_type is dict_type:
                        dict_maybe_untrack(heap, op)
        if full:
            gc.long_lived_pending = 0
            gc.long_lived_total = len(old) + gc.startup_long_lived
        elif generation == NUM_GENERATIONS - 2:
            gc.long_lived_pending += len(old) - before
        del candidates

        finalizers = lists[FINALIZERS]
        self.move_legacy_finalizers(unreachable, finalizers)

        collected = self.handle_weakrefs(unreachable, old, old_index)

        if self.finalize_garbage(unreachable):
            self.handle_resurrected_objects(unreachable, old, old_index)

        collected += len(unreachable)
        if tracer is not None:
            tracer.event(GCPhase(generation, "delete", objects=tuple(unreachable)))
        if debug & DEBUG_COLLECTABLE:
            self.debug_cycle("collectable", unreachable)
        self.delete_garbage(unreachable, old, old_index)

        uncollectable = len(finalizers)
        if debug & DEBUG_UNCOLLECTABLE:
            self.debug_cycle("uncollectable", finalizers)
        if debug & DEBUG_STATS:
            self.debug_done(t1, collected + uncollectable, uncollectable)
        self.handle_legacy_finalizers(finalizers, old, old_index)

        if full:
            for clear in self.freelist_clearers:
                clear(heap)

        stats = gc.stats[generation]
        stats[0] += 1
        stats[1] += collected
        stats[2] += uncollectable
        if tracer is not None:
            tracer.event(GCPhase(generation, "stop", collected, uncollectable))
        if self.after_collection is not None:
            self.after_collection(generation)
        return collected, uncollectable

    # --- gc.set_debug messages ------------------------------------------------------------

    def _write(self, text):
        write = self.write_stderr
        if write is not None:
            write(text)

    def debug_start(self, generation):
        """DEBUG_STATS at the start: the generation and ``show_stats_each_generations``."""
        gc = self.gc
        sizes = [len(gc.lists[i]) for i in range(NUM_GENERATIONS)]
        sizes[-1] += gc.startup_long_lived
        self._write(f"gc: collecting generation {generation}...\n"
                    f"gc: objects in each generation: {' '.join(map(str, sizes))}\n"
                    f"gc: objects in permanent generation: {len(gc.lists[PERMANENT])}\n")
        return time.perf_counter()

    def debug_cycle(self, msg, objects):
        """``debug_cycle`` for each object: ``gc: collectable <list 0x7f...>``."""
        for op in objects:
            self._write(f"gc: {msg} <{op.ob_type.name} {op.addr:#x}>\n")

    def debug_done(self, t1, unreachable, uncollectable):
        self._write(f"gc: done, {unreachable} unreachable, {uncollectable} uncollectable, "
                    f"{time.perf_counter() - t1:.4f}s elapsed\n")

    # --- deduce_unreachable -------------------------------------------------------------

    def deduce_unreachable(self, base, unreachable, target, target_index,
                           tuple_type=None, dict_type=None):
        """``update_refs`` + ``subtract_refs`` + ``move_unreachable`` over ``base``.

        ``base`` is a host list of the objects in list order.  The unreachable ones are
        appended to the ``unreachable`` dict (``gc_gen`` UNREACHABLE) in the order
        ``move_unreachable`` finds them.  The reachable ones are appended to ``target`` (the
        list they are merged into next, ``gc_gen`` ``target_index``) in the order CPython
        leaves them in the young list: objects first thought unreachable and then reached
        again move to its end.  Returns the survivors whose type is ``tuple_type`` or
        ``dict_type``, in that order (the untracking candidates).
        """
        scan_mark = SCAN
        unreach_mark = UNREACHABLE
        # update_refs
        for op in base:
            op.gc_refs = op.ob_refcnt
            op.gc_gen = scan_mark
        # subtract_refs
        for op in base:
            for r in op.ob_type.tp_traverse(op):
                if r.ob_type.is_gc and r.gc_gen == scan_mark:
                    r.gc_refs -= 1
        tracer = self.heap.tracer
        if tracer is not None:
            tracer.event(GCPhase(target_index, "subtract_refs",
                                 refs=tuple((op, op.gc_refs) for op in base)))
        # move_unreachable: ``base`` doubles as the young list being scanned, with objects
        # moved back from ``unreachable`` appended to it.  A scanned reachable object is no
        # longer "collecting": it gets its final list index at once (never SCAN/UNREACHABLE).
        candidates = []
        rescan = base.append
        for op in base:
            if op.gc_refs:
                tp = op.ob_type
                for r in tp.tp_traverse(op):
                    if r.ob_type.is_gc:
                        g = r.gc_gen
                        if g == scan_mark:
                            if not r.gc_refs:
                                r.gc_refs = 1
                        elif g == unreach_mark:
                            del unreachable[r]
                            r.gc_refs = 1
                            r.gc_gen = scan_mark
                            rescan(r)
                target[op] = None
                op.gc_gen = target_index
                if tp is tuple_type or tp is dict_type:
                    candidates.append(op)
            else:
                unreachable[op] = None
                op.gc_gen = unreach_mark
        return candidates

    # --- legacy finalizers ----------------------------------------------------------------

    def move_legacy_finalizers(self, unreachable, finalizers):
        """``move_legacy_finalizers`` + ``move_legacy_finalizer_reachable``."""
        moved = None
        for op in unreachable:
            if op.ob_type.tp_del is not None:
                if moved is None:
                    moved = []
                moved.append(op)
        if moved is None:
            return
        fin_mark = FINALIZERS
        for op in moved:
            del unreachable[op]
            finalizers[op] = None
            op.gc_gen = fin_mark
        unreach_mark = UNREACHABLE
        for op in moved:               # grows while it is walked
            for r in op.ob_type.tp_traverse(op):
                if r.ob_type.is_gc and r.gc_gen == unreach_mark:
                    del unreachable[r]
                    finalizers[r] = None
                    r.gc_gen = fin_mark
                    moved.append(r)

    def handle_legacy_finalizers(self, finalizers, old, old_index):
        """``handle_legacy_finalizers``: into ``gc.garbage``, then merged into ``old``."""
        if not finalizers:
            return
        saveall = self.gc.debug & DEBUG_SAVEALL
        for op in list(finalizers):
            if saveall or op.ob_type.tp_del is not None:
                self.garbage_append(op)
        for op in finalizers:
            old[op] = None
            op.gc_gen = old_index
        finalizers.clear()

    # --- weakrefs ---------------------------------------------------------------------------

    def _kind(self, tp):
        """1: a weakref type (``PyWeakref_Check``); 2: weakly referenceable; 0: neither."""
        heap = self.heap
        kind = 2 if tp.weakrefable else 0
        t = tp
        while t is not None:
            if (t is heap.weakref_type or t is heap.weakproxy_type
                    or t is heap.weakcallableproxy_type):
                kind |= 1
                break
            t = t.base
        self.kinds[tp] = kind
        return kind

    def handle_weakrefs(self, unreachable, old, old_index):
        """``handle_weakrefs``: clear every weakref to the garbage (and every weakref in it)
        before any finalizer runs, then call the callbacks of the weakrefs that are not
        garbage themselves.  Returns the number of those weakrefs freed by their callback."""
        heap = self.heap
        kinds = self.kinds
        unreach_mark = UNREACHABLE
        lists = self.gc.lists
        wrcb = lists[WRCB]
        wrcb_mark = WRCB
        for op in unreachable:
            tp = op.ob_type
            kind = kinds.get(tp)
            if kind is None:
                kind = self._kind(tp)
            if not kind:
                continue
            if kind & 1:
                clear_ref(heap, op)
            if not kind & 2:
                continue
            wr = op.weaklist
            while wr is not None:
                clear_ref(heap, wr)
                if wr.wr_callback is not None and wr.gc_gen != unreach_mark:
                    wr.ob_refcnt += 1
                    g = wr.gc_gen
                    if g != UNTRACKED:
                        del lists[g][wr]
                    wrcb[wr] = None
                    wr.gc_gen = wrcb_mark
                wr = op.weaklist
        if not wrcb:
            return 0
        freed = 0
        for wr in list(wrcb):
            if wr.gc_gen != wrcb_mark:
                continue            # freed by an earlier callback: never called
            self.call_weakref_callback(wr, wr.wr_callback)
            heap.decref(wr)
            if wr.gc_gen == wrcb_mark:
                del wrcb[wr]
                old[wr] = None
                wr.gc_gen = old_index
            else:
                freed += 1
        return freed

    def call_weakref_callback(self, wr, callback):
        """``handle_callback``: ``callback(wr)``; an exception is unraisable."""
        heap = self.heap
        tracer = heap.tracer
        if tracer is not None:
            tracer.event(FinalizerCall(wr.addr, "weakref-callback"))
        try:
            result = heap.call_object(callback, [wr])
        except GuestException as exc:
            self.write_unraisable(exc.exc, callback)
        else:
            if result is not None:
                heap.decref(result)

    def write_unraisable(self, exc, context):
        hook = self.heap.write_unraisable
        if hook is None:
            self.unraisable.append((exc, context))
        else:
            hook(exc, context)

    # --- finalizers and resurrection -----------------------------------------------------------

    def finalize_garbage(self, unreachable):
        """``finalize_garbage``: ``tp_finalize`` once per object, in list order.

        Returns whether any finalizer ran (only then can anything have been resurrected).
        """
        for op in unreachable:
            if op.ob_type.tp_finalize is not None:
                break
        else:
            return False
        heap = self.heap
        tracer = heap.tracer
        unreach_mark = UNREACHABLE
        ran = False
        for op in list(unreachable):
            if op.gc_gen != unreach_mark:
                continue
            finalize = op.ob_type.tp_finalize
            if finalize is not None and not op.gc_flags & FINALIZED:
                op.gc_flags |= FINALIZED
                op.ob_refcnt += 1
                if tracer is not None:
                    tracer.event(FinalizerCall(op.addr, "__del__"))
                finalize(heap, op)
                heap.decref(op)
                ran = True
        return ran

    def handle_resurrected_objects(self, unreachable, old, old_index):
        """``handle_resurrected_objects``: run ``deduce_unreachable`` again over the garbage;
        what a finalizer made reachable joins ``old``, the rest stays in ``unreachable``."""
        base = list(unreachable)
        unreachable.clear()
        self.deduce_unreachable(base, unreachable, old, old_index)

    # --- delete_garbage ----------------------------------------------------------------------------

    def delete_garbage(self, collectable, old, old_index):
        """``delete_garbage``: ``tp_clear`` each object (or save it with DEBUG_SAVEALL);
        an object still alive afterwards moves to ``old``."""
        if not collectable:
            return
        heap = self.heap
        dealloc = heap.dealloc
        mark = UNREACHABLE
        saveall = self.gc.debug & DEBUG_SAVEALL
        for op in list(collectable):
            if op.gc_gen != mark:
                continue
            if saveall:
                self.garbage_append(op)
            else:
                op.ob_refcnt += 1
                op.ob_type.tp_clear(heap, op)
                rc = op.ob_refcnt - 1
                op.ob_refcnt = rc
                if rc == 0:
                    dealloc(op)
            if op.gc_gen == mark:
                del collectable[op]
                old[op] = None
                op.gc_gen = old_index

    # --- gc.garbage and gc.callbacks ---------------------------------------------------------------

    def garbage_append(self, op):
        """``PyList_Append(gcstate->garbage, op)``."""
        list_append(self.heap, self.gc.garbage, op)

    def invoke_callbacks(self, phase, generation, collected, uncollectable):
        """``invoke_gc_callback``: call each entry of ``gc.callbacks`` as
        ``cb(phase, info)``; the info dict is built only when the list is not empty."""
        callbacks = self.gc.callbacks
        if callbacks is None:
            return
        if not callbacks.items:
            return
        heap = self.heap
        build = self.callback_args
        info = build.info(generation, collected, uncollectable)
        i = 0
        while i < len(callbacks.items):
            cb = callbacks.items[i]
            cb.ob_refcnt += 1
            phase_obj = build.phase(phase)
            info_ref = build.ref(info)
            try:
                result = heap.call_object(cb, [phase_obj, info_ref])
            except GuestException as exc:
                result = None
                self.write_unraisable(exc.exc, cb)
            build.release(phase_obj)
            build.release(info_ref)
            if result is not None:
                heap.decref(result)
            heap.decref(cb)
            i += 1
        build.release(info)


# ``CallbackArgs`` builds the arguments ``invoke_gc_callback`` passes to each gc callback, as
# CPython allocates them: ``Py_BuildValue("{sisnsn}", ...)`` makes the info dict once per
# invocation (a new dict, then for each entry a new str key, an int value, ``PyDict_SetItem``
# and the release of both), and ``PyObject_CallFunction(cb, "sO", phase, info)`` makes a new
# phase string for every callback and releases it after the call.
class CallbackArgs:
    """The simulated arguments of gc callbacks."""

    def __init__(self, heap):
        self.heap = heap

    def info(self, generation, collected, uncollectable):
        heap = self.heap
        d = dict_new(heap)
        for key, value in (("generation", generation), ("collected", collected),
                           ("uncollectable", uncollectable)):
            k = new_str(heap, key)
            v = new_int(heap, value)
            dict_setitem(heap, d, k, v)
            heap.decref(k)
            heap.decref(v)
        return d

    def phase(self, phase):
        return new_str(self.heap, phase)

    def ref(self, obj):
        obj.ob_refcnt += 1
        return obj

    def release(self, obj):
        self.heap.decref(obj)

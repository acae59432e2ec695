"""The library API behind the guest ``gc`` module (Modules/gcmodule.c's functions).

Every function takes the heap first and works on simulated objects; results that the guest
sees as Python objects are returned as host values (ints, tuples, lists of borrowed simulated
objects, dicts) and the interpreter's ``gc`` module wraps them.  Where CPython raises, these
raise ``GuestError`` with CPython's message.

After an explicit collection, ``collect`` runs the heap audit when the reclaim layer was
installed with ``audit=True`` (see ``heapsim.reclaim.checkpoint``).
"""

from heapsim.base.errors import GuestError
from heapsim.objects.core import FINALIZED, UNTRACKED
from heapsim.objects.gcstate import NUM_GENERATIONS, PERMANENT
from heapsim.reclaim.collector import (
    DEBUG_COLLECTABLE, DEBUG_LEAK, DEBUG_SAVEALL, DEBUG_STATS, DEBUG_UNCOLLECTABLE,
    is_gc_object,
)

__all__ = [
    "DEBUG_COLLECTABLE", "DEBUG_LEAK", "DEBUG_SAVEALL", "DEBUG_STATS", "DEBUG_UNCOLLECTABLE",
    "callbacks", "collect", "disable", "enable", "freeze", "garbage", "get_count", "get_debug",
    "get_freeze_count", "get_objects", "get_referents", "get_referrers", "get_stats",
    "get_threshold", "is_finalized", "is_tracked", "isenabled", "set_debug", "set_threshold",
    "unfreeze",
]


def collect(heap, generation=NUM_GENERATIONS - 1):
    """``gc.collect(generation=2)``: the number of unreachable objects found (collected plus
    uncollectable); 0 when a collection is already running.  Works while disabled."""
    if not 0 <= generation < NUM_GENERATIONS:
        raise GuestError("ValueError", "invalid generation")
    state = heap.reclaim
    n = state.collector.collect(generation)
    state.checkpoint()
    return n


def enable(heap):
    heap.gc.enabled = True


def disable(heap):
    heap.gc.enabled = False


def isenabled(heap):
    return heap.gc.enabled


def get_count(heap):
    """``gc.get_count()``: the three generation counts."""
    return tuple(heap.gc.count)


def get_threshold(heap):
    return tuple(heap.gc.threshold)


def set_threshold(heap, threshold0, threshold1=None, threshold2=None):
    """``gc.set_threshold(t0[, t1[, t2]])``; ``t0 == 0`` disables automatic collection."""
    threshold = heap.gc.threshold
    threshold[0] = threshold0
    if threshold1 is not None:
        threshold[1] = threshold1
    if threshold2 is not None:
        threshold[2] = threshold2


def get_debug(heap):
    return heap.gc.debug


def set_debug(heap, flags):
    heap.gc.debug = flags


def get_stats(heap):
    """``gc.get_stats()``: one dict per generation."""
    return [{"collections": c, "collected": m, "uncollectable": n}
            for c, m, n in heap.gc.stats]


def freeze(heap):
    """``gc.freeze()``: every generation into the permanent one (in order 0, 1, 2); counts
    zeroed."""
    gc = heap.gc
    permanent = gc.lists[PERMANENT]
    for i in range(NUM_GENERATIONS):
        lst = gc.lists[i]
        for obj in lst:
            obj.gc_gen = PERMANENT
        permanent.update(lst)
        lst.clear()
        gc.count[i] = 0


def unfreeze(heap):
    """``gc.unfreeze()``: the permanent generation back onto the end of the oldest."""
    gc = heap.gc
    permanent = gc.lists[PERMANENT]
    oldest = NUM_GENERATIONS - 1
    for obj in permanent:
        obj.gc_gen = oldest
    gc.lists[oldest].update(permanent)
    permanent.clear()


def get_freeze_count(heap):
    return len(heap.gc.lists[PERMANENT])


def is_tracked(heap, obj):
    """``gc.is_tracked(obj)``."""
    return is_gc_object(obj) and obj.gc_gen != UNTRACKED


def is_finalized(heap, obj):
    """``gc.is_finalized(obj)``: ``tp_finalize`` already ran on it (PEP 442)."""
    return is_gc_object(obj) and bool(obj.gc_flags & FINALIZED)


def get_objects(heap, generation=None, exclude=None):
    """``gc.get_objects(generation=None)``: tracked objects, generation 0 first, each list in
    its order.  ``exclude`` is the result list the caller is building (left out as CPython
    leaves its own result out)."""
    lists = heap.gc.lists
    if generation is None or generation == -1:       # -1 is the C default: "all"
        gens = range(NUM_GENERATIONS)
    else:
        if generation >= NUM_GENERATIONS:
            raise GuestError("ValueError",
                             "generation parameter must be less than the number of available "
                             f"generations ({NUM_GENERATIONS})")
        if generation < 0:
            raise GuestError("ValueError", "generation parameter cannot be negative")
        gens = (generation,)
    result = []
    for g in gens:
        for obj in lists[g]:
            if obj is not exclude:
                result.append(obj)
    return result


def get_referents(heap, *objs):
    """``gc.get_referents(*objs)``: what each GC object among objs refers to, in order."""
    result = []
    for obj in objs:
        if is_gc_object(obj):
            result.extend(obj.ob_type.tp_traverse(obj))
    return result


def get_referrers(heap, *objs, exclude=()):
    """``gc.get_referrers(*objs)``: tracked objects (generations 0 to 2) referring to any of
    objs.  ``exclude`` lists objects to skip (CPython skips its argument tuple and result)."""
    wanted = set(objs)
    skip = set(exclude)
    result = []
    lists = heap.gc.lists
    for g in range(NUM_GENERATIONS):
        for obj in lists[g]:
            if obj in skip:
                continue
            for r in obj.ob_type.tp_traverse(obj):
                if r in wanted:
                    result.append(obj)
                    break
    return result


def garbage(heap):
    """The ``gc.garbage`` list object (a simulated list, or a host list stand-in)."""
    return heap.gc.garbage


def callbacks(heap):
    """The ``gc.callbacks`` list object (a simulated list, or a host list stand-in)."""
    return heap.gc.callbacks

"""A live snapshot of the visible state, read straight from the heap (for tests that check a
record against the run it was made from).

It finds the program's objects by walking the heap from its roots (``heapwalk``), not from the
recorder's births and deaths, and reads each one's entry afresh.  Targets the recorder never
named show as ``None``: a snapshot names nothing, so comparing it with a replayed state
exposes any object the record missed.
"""

from heapsim.record.heapwalk import live_objects


def live_state(rec):
    """{"objects": {record id: entry}, "frames": [...], "unrecorded": [names of live program
    objects the recorder does not know], "blocks": per size class used-block counts, "gc": the
    collector's counts and thresholds}."""
    walk = live_objects(rec.rt, rec.functions)
    ids = rec.ids

    def ref_id(obj):
        return ids.get(id(obj))

    objects = {}
    unrecorded = []
    for key, obj in walk.items():
        if key in rec.shared:
            continue
        rid = ids.get(key)
        if rid is None or key not in rec.live:
            unrecorded.append(f"{obj.ob_type.name} at {obj.addr:#x}")
            continue
        objects[rid] = rec.entry(obj, rid, ref_id)
    for key, obj in walk.items():
        rid = ids.get(key)
        if key in rec.shared and rid is not None:
            objects[rid] = rec.entry(obj, rid, ref_id)
    gc = rec.heap.gc
    return {"objects": objects, "unrecorded": unrecorded,
            "blocks": block_counts(rec.alloc), "gc": gc.count + gc.threshold}


def block_counts(alloc):
    """Used blocks per size class (pymalloc), and raw blocks in use."""
    counts = {}
    for pool in alloc._pools.values():
        if pool.count:
            counts[pool.szidx] = counts.get(pool.szidx, 0) + pool.count
    return {"classes": counts, "raw": alloc.raw.allocated_blocks()}

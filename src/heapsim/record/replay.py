"""Rebuilding the visible state at any step of a record (docs/trace-format.md, "Replay").

``Replay(record).state(i)`` starts from the nearest keyframe at or before step ``i`` and
applies the steps' deltas after it; the pool map starts from the nearest keyframe that holds
one and applies the allocations and frees after it.  So a seek costs at most
``keyframe_every`` deltas and ``pools_every`` steps' allocator events, wherever the step is.
"""

import bisect


class Replay:
    def __init__(self, record):
        self.record = record
        self.steps = record["steps"]
        self.keyframes = record["keyframes"]
        self.kf_steps = [k["step"] for k in self.keyframes]
        self.pool_kfs = [k for k in self.keyframes if "pools" in k]
        self.pool_kf_steps = [k["step"] for k in self.pool_kfs]

    def __len__(self):
        return len(self.steps)

    def state(self, i):
        """{"frames": [...], "objects": {id: entry}, "pools": {pool address: set of used
        block addresses}, "raw": number of raw blocks} after step ``i``."""
        k = bisect.bisect_right(self.kf_steps, i) - 1
        kf = self.keyframes[k]
        objects = {e["id"]: e for e in kf["objects"]}
        frames = kf["frames"]
        for step in self.steps[kf["step"] + 1:i + 1]:
            d = step["delta"]
            if "frames" in d:
                frames = apply_frames(frames, d)
            for e in d.get("objects", ()):
                if "refs_keep" in e:
                    e = unpatch(objects[e["id"]], e)
                objects[e["id"]] = e
            for rid in d.get("gone", ()):
                objects.pop(rid, None)
        pools, pool_info = self.pools(i)
        return {"frames": frames, "objects": objects, "pools": pools, "pool_info": pool_info}

    def pools(self, i):
        k = bisect.bisect_right(self.pool_kf_steps, i) - 1
        kf = self.pool_kfs[k]
        pools = {}
        info = {}
        for p in kf["pools"]:
            bits = int(p["used"], 16)
            first, size = p["first"], p["size"]
            used = set()
            n = 0
            while bits:
                if bits & 1:
                    used.add(first + n * size)
                bits >>= 1
                n += 1
            pools[p["addr"]] = used
            info[p["addr"]] = p
        for step in self.steps[kf["step"] + 1:i + 1]:
            for e in step["events"]:
                k = e["k"]
                if k == "alloc" and e["p"] is not None:
                    pools.setdefault(e["p"], set()).add(e["a"])
                    old = info.get(e["p"])
                    if old is None or old["c"] != e["c"]:     # a pool emptied and reused
                        info[e["p"]] = {"addr": e["p"], "c": e["c"], "size": e["b"]}
                elif k == "free":
                    p = self._pool_of(e["a"], pools)
                    if p is not None:
                        pools[p].discard(e["a"])
        return pools, info

    def _pool_of(self, address, pools):
        base = address & ~(self.record["pool_size"] - 1)
        return base if base in pools else None

    def gc_counters(self, i):
        """The collector's ``[count0, count1, count2, threshold0, threshold1, threshold2]``
        after step i (``gc.get_count()`` and ``gc.get_threshold()`` then)."""
        for step in reversed(self.record["steps"][:i + 1]):
            if "gc" in step:
                return step["gc"]
        return None

    def block_counts(self, i):
        """Used blocks per size class after step i (as ``snapshot.block_counts``'s
        "classes")."""
        pools, info = self.pools(i)
        counts = {}
        for p, used in pools.items():
            if used:
                c = info[p]["c"]
                counts[c] = counts.get(c, 0) + len(used)
        return counts


def unpatch(old, e):
    """The whole entry of a delta entry stored as a patch of ``old`` (``refs_keep``,
    ``refs_keep_end``)."""
    full = dict(e)
    refs = old["refs"]
    end = full.pop("refs_keep_end", 0)
    full["refs"] = refs[:full.pop("refs_keep")] + e["refs"] + (refs[len(refs) - end:]
                                                                  if end else [])
    return full


def expanded_steps(record):
    """The record's steps with every delta in its full form, for readers that walk the run
    from the start: each delta entry complete (``refs_keep`` applied) and ``frames`` the
    whole list.  The steps are shallow copies; the record is not changed."""
    objects = {}
    frames = []
    for step in record["steps"]:
        d = step["delta"]
        full = dict(d)
        if "objects" in d:
            entries = []
            for e in d["objects"]:
                if "refs_keep" in e:
                    e = unpatch(objects[e["id"]], e)
                objects[e["id"]] = e
                entries.append(e)
            full["objects"] = entries
        for rid in d.get("gone", ()):
            objects.pop(rid, None)
        if "frames" in d:
            frames = apply_frames(frames, d)
            full["frames"] = frames
            full.pop("frames_keep", None)
        out = dict(step)
        out["delta"] = full
        yield out


def apply_frames(frames, delta):
    """The frame list after a step whose delta has ``frames`` (and maybe ``frames_keep``)."""
    return frames[:delta.get("frames_keep", 0)] + delta["frames"]


def unreachable(state):
    """Program objects alive but unreachable from every frame and from every reference held
    outside the program's objects (what a refcount larger than the references the record
    shows means): the cyclic garbage waiting for the collector."""
    objects = state["objects"]
    found = unreachable_in(
        state["frames"], objects, lambda e: e["rc"],
        lambda e: [r["to"] for r in e.get("refs", ()) if not r.get("weak")])
    return sorted(rid for rid in found if not objects[rid]["shared"])


def unreachable_in(frames, objects, rc_of, strong_refs_of):
    """The ids of ``objects`` (id -> entry, in whatever form ``rc_of(entry)`` and
    ``strong_refs_of(entry)`` read) reachable neither from the frames' names and value stacks
    nor from an object whose refcount exceeds the references the entries show (one held
    from outside them).  Shared objects are among the answers: callers drop them."""
    inbound = {}
    strong = {}
    for rid, e in objects.items():
        targets = strong[rid] = strong_refs_of(e)
        for t in targets:
            inbound[t] = inbound.get(t, 0) + 1
    roots = []
    for f in frames:
        for t in [n["to"] for n in f["names"]] + list(f["stack"]):
            roots.append(t)
            inbound[t] = inbound.get(t, 0) + 1
    for rid, e in objects.items():
        if rc_of(e) > inbound.get(rid, 0):
            roots.append(rid)
    seen = set()
    while roots:
        rid = roots.pop()
        if rid not in seen:
            seen.add(rid)
            roots.extend(strong.get(rid, ()))
    return [rid for rid in objects if rid not in seen]

"""Where each box of the heap view stands, computed once over the whole run.

**What a reader sees by default** at a step: the objects reachable from the frames (their
names and value stacks) through *labelled* references (``[0]``, ``.next``, ``['k']``,
``__class__``, ``weak``...; a function's or a class's unlabelled internals are not followed),
plus the unreachable program objects (cyclic garbage) and what they reference.  Start-up
noise (code objects, the module's namespace dict, builtins) stays out unless asked for.

**Boxes never jump.**  An object's *visit* is a run of consecutive steps in which it is shown;
a visit that ends with the object's death lasts one more step (its ghost).  Each visit gets a
column (the object's distance from the frames when the visit starts, at most ``MAX_COL``) and a
row in that column that no other visit holds during the same steps (interval scheduling, the
lowest free row first), so a box stays put for its whole visit.

**The layout** (``Layout.finish``) maps each record id to its visits, flattened as
``[start, end, column, row, ...]``, and gives ``rows`` (rows used per column) for the page's
size.
"""

import heapq

from heapsim.record.replay import unreachable_in

MAX_COL = 3
TRACKED = (0, 1, 2, 3)
# The fields of a packed entry (pack.py's docstring): [id, rc, gen, size, value, refs].
E_ID, E_RC, E_GEN, E_SIZE, E_VALUE, E_REFS = range(6)


class Layout:
    def __init__(self, nsteps, blank_label, shared):
        self.nsteps = nsteps
        self.blank = blank_label
        self.shared = shared    # ids of shared objects (filled in as the pass meets them)
        self.open = {}          # id -> [start, column]
        self.visits = []        # (start, end, column, id)
        self.garbage = set()

    def step(self, i, frames, cur, gone, rc_dropped=True):
        shown = self.visible(frames, cur, rc_dropped)
        gone = set(gone)
        for rid in list(self.open):
            if rid not in shown:
                start, col = self.open.pop(rid)
                self.visits.append((start, i if rid in gone else i - 1, col, rid))
        for rid, depth in shown.items():
            if rid not in self.open:
                self.open[rid] = [i, min(depth, MAX_COL)]

    def visible(self, frames, cur, rc_dropped):
        """{id: distance from the frames} of the objects shown by default."""
        dist = {}
        todo = []
        for f in frames:
            for n in f["names"]:
                todo.append(n["to"])
            todo.extend(f["stack"])
        for rid in todo:
            if rid in cur:
                dist.setdefault(rid, 0)
        self._walk(dist, cur)
        if rc_dropped or self.garbage:
            self.garbage = set(unreachable_ids(frames, cur, self.shared))
        extra = {rid: 1 for rid in self.garbage if rid not in dist}
        self._walk(extra, cur)
        for rid, d in extra.items():
            dist.setdefault(rid, d)
        return dist

    def _walk(self, dist, cur):
        queue = list(dist)
        k = 0
        while k < len(queue):
            rid = queue[k]
            k += 1
            e = cur.get(rid)
            if e is None:
                continue
            refs = e[E_REFS]
            for j in range(0, len(refs), 2):
                lab = refs[j + 1]
                if lab == self.blank:
                    continue
                to = refs[j]
                if to not in dist and to in cur:
                    dist[to] = dist[rid] + 1
                    queue.append(to)

    def finish(self, objs):
        last = self.nsteps - 1
        for rid, (start, col) in self.open.items():
            self.visits.append((start, last, col, rid))
        self.open = {}
        by_col = {}
        for v in self.visits:
            by_col.setdefault(v[2], []).append(v)
        out = {}
        rows = {}
        for col, visits in by_col.items():
            visits.sort()
            busy = []       # (end, row) of visits holding a row
            free = []       # rows free again
            nrows = 0
            for start, end, _c, rid in visits:
                while busy and busy[0][0] < start:
                    heapq.heappush(free, heapq.heappop(busy)[1])
                if free:
                    row = heapq.heappop(free)
                else:
                    row = nrows
                    nrows += 1
                heapq.heappush(busy, (end, row))
                out.setdefault(rid, []).extend((start, end, col, row))
            rows[col] = nrows
        return {"visits": {str(k): v for k, v in out.items()},
                "rows": [rows.get(c, 0) for c in range(MAX_COL + 1)]}


def unreachable_ids(frames, cur, shared):
    """As ``heapsim.record.replay.unreachable`` on packed entries: program objects alive but
    reachable neither from a frame nor from a reference held outside the recorded objects."""
    found = unreachable_in(frames, cur, lambda e: e[E_RC], _strong_targets)
    return [rid for rid in found if rid not in shared]


def _strong_targets(e):
    """The targets of a packed entry's strong references (its flat target, flag pairs)."""
    refs = e[E_REFS]
    return [refs[j] for j in range(0, len(refs), 2) if refs[j + 1] >= 0]

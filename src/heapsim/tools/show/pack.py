"""The record packed for the page: the same facts as docs/trace-format.md, in a shape the page's
JavaScript reads quickly and that keeps a long run's page small.

**The packed record** (``pack(record)`` returns it as one JSON-ready dict):

* ``strs``: a table of interned strings (function names, reference labels, local names, the
  instruction that changed a refcount); packed fields hold their index.
* ``objs``: per record id, the facts that never change during an object's life:
  ``[name, type, addr, shared, block, block_size, pool, born, died]`` (``born``/``died``: the
  steps of its birth and death events, -1 when none: start-up objects, survivors).
* an *entry* (an object's changing facts) is ``[id, rc, gen, size, value, refs]``; ``gen`` is
  0..3 or 4 (untracked) or 5 (static); ``refs`` is flat, ``[to, label, ...]`` with the label's
  string index, negated minus one for a weak reference.  In a step's delta an entry that
  existed before holds ``null`` for every field that did not change, and its refs may be a
  patch ``{"n": new length, "p": [index, to, label, ...]}``: a loop that rebinds one global
  re-sends one reference of the module's namespace, not the whole namespace.
* a *frame* is ``[id, func, file index, line, [name, to, ...], [stack ids]]``.
* ``steps``: ``[file index, line, func, depth, events, delta]`` with delta
  ``[frames or null, [entries], [gone ids]]``.
* events are short arrays whose first item is a kind from ``EVENT_KINDS``; a pymalloc block is
  a *cell*, ``pool index * 1024 + block index`` into ``pools``.
* ``kf``: the record's keyframes, ``[step, frames, [entries]]``; ``pkf``: the ones holding a
  pool map, ``[step, [[pool index, used bitmap as hex], ...]]``.
* ``pools``: every pool the run used, ``[addr, size class, block size, first block,
  capacity]``, sorted by address (so the page draws them in address order); a pool taken
  again for another size class is one pool per size class (``Pools``).
* ``gcc``: the collector's counters where they changed, ``[step, count0, count1, count2,
  threshold0, threshold1, threshold2]`` (the record's step ``gc``).
* ``layout`` (tools/show/layout.py): where each object's box stands, step by step.
"""

from heapsim.record.replay import expanded_steps
from heapsim.tools.show.layout import E_GEN, E_REFS, E_VALUE, TRACKED, Layout

GEN_CODES = {0: 0, 1: 1, 2: 2, 3: 3, "untracked": 4, "static": 5}
EVENT_KINDS = ("alloc", "raw_alloc", "free", "raw_free", "birth", "death", "rc", "gc", "call",
               "push", "pop", "stdout", "stderr")
KIND = {k: n for n, k in enumerate(EVENT_KINDS)}
POOL_OVERHEAD = 48       # CPython's POOL_OVERHEAD: the pool header, before the first block
ARENA_SIZE = 1 << 20     # CPython 3.11's ARENA_SIZE (the record does not say where arenas are)


class Strings:
    """Interned strings: each distinct text once, referred to by its index."""

    def __init__(self):
        self.table = []
        self.index = {}

    def __call__(self, text):
        text = "" if text is None else text
        n = self.index.get(text)
        if n is None:
            n = self.index[text] = len(self.table)
            self.table.append(text)
        return n


class Pools:
    """The pools of the run, numbered in address order; turns block addresses into cells.

    A pool that empties can be taken again for another size class: each *incarnation* (pool
    address, size class) is a pool of its own here, so a cell always means one block size.
    Reading the steps in order (``track``), ``current`` knows which incarnation of each pool
    address is in use."""

    def __init__(self, record):
        self.pool_size = record.get("pool_size", 16384)
        classes = record.get("size_classes") or []
        info = {}
        for kf in record.get("keyframes", ()):
            for p in kf.get("pools", ()):
                info.setdefault((p["addr"], p["c"]),
                                (p["c"], p["size"], p["first"], p["capacity"]))
        for step in record.get("steps", ()):
            for e in step["events"]:
                if e["k"] == "alloc" and e.get("p") is not None:
                    size = e["b"]
                    c = e["c"] if e["c"] is not None else classes.index(size)
                    if (e["p"], c) not in info:
                        cap = (self.pool_size - POOL_OVERHEAD) // size if size else 0
                        info[(e["p"], c)] = (c, size, e["p"] + POOL_OVERHEAD, cap)
        self.keys = sorted(info)
        self.number = {k: n for n, k in enumerate(self.keys)}
        self.info = info
        self.classes = classes
        self.current = {}       # pool address -> the incarnation in use

    def table(self):
        return [[k[0], *self.info[k]] for k in self.keys]

    def keyframe(self, kf_pools):
        """Enter a keyframe's pool map: its pools' incarnations are the current ones."""
        out = []
        for p in kf_pools:
            key = (p["addr"], p["c"])
            self.current[p["addr"]] = key
            out.append([self.number[key], p["used"]])
        return out

    def track(self, e):
        """Follow an alloc event: its pool's incarnation is the one of its size class."""
        if e["k"] == "alloc" and e.get("p") is not None:
            c = e["c"] if e["c"] is not None else self.classes.index(e["b"])
            self.current[e["p"]] = (e["p"], c)

    def _key(self, address):
        base = address & ~(self.pool_size - 1)
        key = self.current.get(base)
        if key is None:         # not met yet in the steps: its first incarnation
            key = next((k for k in self.keys if k[0] == base), None)
        return key

    def pool_of(self, address):
        """(pool address, block size) of a pymalloc block; (None, None) for a raw one."""
        if address is None:
            return None, None
        key = self._key(address)
        if key is None:
            return None, None
        return key[0], self.info[key][1]

    def cell(self, address):
        """The cell of a pymalloc block, or None for a raw block."""
        key = self._key(address)
        if key is None:
            return None
        _c, size, first, _cap = self.info[key]
        if address < first or (address - first) % size:
            return None
        return self.number[key] * 1024 + (address - first) // size


def _entry(e, s):
    refs = []
    for r in e.get("refs", ()):
        lab = s(r.get("label"))
        refs.append(r["to"])
        refs.append(-lab - 1 if r.get("weak") else lab)
    return [e["id"], e["rc"], GEN_CODES.get(e.get("gen"), 4), e.get("size"), e.get("value", ""),
            refs]


def _entry_delta(new, old):
    """``new`` against the previous entry of the same object: unchanged fields as null, the
    references as a patch when that is shorter."""
    if old is None:
        return new
    out = [new[0]] + [None if new[k] == old[k] else new[k] for k in range(1, E_VALUE + 1)]
    nr, orf = new[E_REFS], old[E_REFS]
    if nr == orf:
        out.append(None)
    else:
        patch = []
        for k in range(0, len(nr), 2):
            if k + 1 >= len(orf) or nr[k] != orf[k] or nr[k + 1] != orf[k + 1]:
                patch += [k // 2, nr[k], nr[k + 1]]
        out.append({"n": len(nr) // 2, "p": patch} if len(patch) < len(nr) else nr)
    return out


def _frame(f, s, files):
    names = []
    for n in f["names"]:
        names += [s(n["name"]), n["to"]]
    return [f["id"], s(f["func"]), files.get(f["file"], -1), f["line"], names, list(f["stack"])]


def _event(e, s, pools):
    k = e["k"]
    if k == "alloc":
        cell = pools.cell(e["a"]) if e.get("p") is not None else None
        return [KIND["alloc"], cell, e["n"]] if cell is not None else [KIND["raw_alloc"], e["a"],
                                                                        e["n"]]
    if k == "free":
        cell = pools.cell(e["a"])
        return [KIND["free"], cell] if cell is not None else [KIND["raw_free"], e["a"]]
    if k == "birth":
        return [KIND["birth"], e["o"], 1 if e.get("reused") else 0]
    if k == "death":
        return [KIND["death"], e["o"], 1 if e.get("kept") else 0]
    if k == "rc":
        return [KIND["rc"], e["o"], e["from"], e["to"], s(e.get("why"))]
    if k == "gc":
        phase = e["phase"]
        if phase == "subtract_refs":
            data = [x for pair in e.get("refs", ()) for x in pair]
        elif phase in ("unreachable", "delete"):
            data = e.get("objects", [])
        elif phase == "promote":
            data = e.get("survivors")
        elif phase == "stop":
            data = [e.get("collected"), e.get("uncollectable")]
        else:
            data = None
        return [KIND["gc"], e["g"], s(phase), data]
    if k == "call":
        return [KIND["call"], s(e.get("what")), e.get("o")]
    if k == "push":
        return [KIND["push"], e["frame"], s(e.get("func"))]
    if k == "pop":
        return [KIND["pop"], e["frame"]]
    if k in ("stdout", "stderr"):
        return [KIND[k], e["text"]]
    return [KIND["stderr"], ""]


def pack(record):
    """The packed record (module docstring) of a record."""
    s = Strings()
    pools = Pools(record)
    files = list(record.get("sources", {}))
    findex = {f: n for n, f in enumerate(files)}
    steps = record.get("steps", [])
    objs = {}
    born, died = {}, {}
    for step in steps:
        for e in step["events"]:
            if e["k"] == "birth":
                born.setdefault(e["o"], step["i"])
            elif e["k"] == "death":
                died[e["o"]] = step["i"]
    kf_by_step = {k["step"]: k for k in record.get("keyframes", ())}

    shared = set()

    def note(e):
        if e["id"] not in objs:
            if e.get("shared"):
                shared.add(e["id"])
            objs[e["id"]] = [e["name"], e["type"], e["addr"], 1 if e.get("shared") else 0,
                             e.get("block"), e.get("block_size"), e.get("pool"),
                             born.get(e["id"], -1), died.get(e["id"], -1)]

    layout = Layout(len(steps), s(""), shared)
    cur = {}
    frames = []
    packed_steps = []
    gc_steps = []
    gc_counters = []
    pkf = []
    for step in expanded_steps(record):
        i = step["i"]
        d = step.get("delta", {})
        kf = kf_by_step.get(i)
        if i == 0 and kf is not None:
            frames = kf["frames"]
            for e in kf["objects"]:
                note(e)
                cur[e["id"]] = _entry(e, s)
        entries = []
        for e in d.get("objects", ()):
            note(e)
            new = _entry(e, s)
            entries.append(_entry_delta(new, cur.get(e["id"])))
            cur[e["id"]] = new
        gone = list(d.get("gone", ()))
        for rid in gone:
            cur.pop(rid, None)
        pframes = None
        if "frames" in d:
            frames = d["frames"]
            pframes = [_frame(f, s, findex) for f in frames]
        events = []
        for e in step["events"]:
            pools.track(e)
            events.append(_event(e, s, pools))
            if e["k"] == "birth" and e["o"] not in objs:
                pool, size = pools.pool_of(e.get("blk"))
                objs[e["o"]] = [e.get("name", "?"), e.get("t", "?"), e.get("a"), 0, e.get("blk"),
                                size, pool, born.get(e["o"], -1), died.get(e["o"], -1)]
        if any(e["k"] == "gc" and e["phase"] == "start" for e in step["events"]):
            gc_steps.append(i)
        if "gc" in step:
            gc_counters.append([i] + step["gc"])
        dropped = any(e["k"] == "rc" and e["to"] < e["from"] and e["o"] in cur
                      and cur[e["o"]][E_GEN] in TRACKED for e in step["events"])
        layout.step(i, frames, cur, gone, dropped or i == 0 or "frames" in d and
                    any(e["k"] == "pop" for e in step["events"]))
        if i == 0:
            delta = [[_frame(f, s, findex) for f in frames], [], []]
        else:
            delta = [pframes, entries, gone]
        packed_steps.append([findex.get(step["file"], -1), step["line"], s(step["func"]),
                             step["depth"], events, delta])
        if kf is not None and "pools" in kf:      # the pool map after this step
            pkf.append([i, pools.keyframe(kf["pools"])])
    for k in record.get("keyframes", ()):
        for e in k["objects"]:
            note(e)
    kfs = [[k["step"], [_frame(f, s, findex) for f in k["frames"]],
            [_entry(e, s) for e in k["objects"]]] for k in record.get("keyframes", ())]
    top = max(objs) if objs else 0
    return {
        "v": 1, "program": record.get("program"), "files": files,
        "sources": [record["sources"][f] for f in files],
        "stdout": record.get("stdout", ""), "stderr": record.get("stderr", ""),
        "exit_code": record.get("exit_code"), "error": record.get("error"),
        "pool_size": pools.pool_size, "arena_size": ARENA_SIZE,
        "size_classes": record.get("size_classes", []),
        "end": record.get("end"), "events": list(EVENT_KINDS),
        "strs": s.table, "objs": [objs.get(n) for n in range(top + 1)],
        "steps": packed_steps, "kf": kfs, "pkf": pkf, "pools": pools.table(),
        "gc_steps": gc_steps, "gcc": gc_counters, "layout": layout.finish(objs),
    }

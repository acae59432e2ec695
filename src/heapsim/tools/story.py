"""Plain-English sentences about a run record (docs/trace-format.md), for every view.

Two levels:

* ``event_sentence(event, ...)``: one sentence for one memory event, as a caption under a
  single step of the replay ("list#1 born at 0x...: 56 bytes in a 64-byte block of pool
  0x... (size class 3)").
* ``StoryWalker``: walks a record's steps in order and turns each line step into *facts*:
  the births and deaths, collections, finalizers and frames of the step in the order they
  happened, then the net effect of the step on names and refcounts (``b → list#1: refcount
  1 → 2``; a ``LOAD`` undone within the line is not news), then the memory blocks that no
  object explains.  Every number in a fact is the record's.

A *fact* is a JSON-ready dict: ``kind`` (below), ``text`` (the sentence) and the figures it
was made from.  Kinds: ``birth``, ``death``, ``temporaries``, ``gc``, ``gc-done``,
``finalizer``, ``call``, ``return``, ``bind``, ``unbind``, ``refcount``, ``blocks``.
"""

from heapsim.record.replay import expanded_steps

# Instructions whose refcount changes only move a reference through the value stack: the
# cause of a line's net change is looked for among the others first.
STACK_OPS = frozenset(("LOAD_NAME", "LOAD_FAST", "LOAD_GLOBAL", "LOAD_DEREF", "LOAD_CONST",
                       "LOAD_ATTR", "LOAD_METHOD", "LOAD_CLOSURE", "LOAD_CLASSDEREF",
                       "POP_TOP", "COPY", "SWAP", "PUSH_NULL", "LOAD_FAST_CHECK",
                       "LOAD_FAST__LOAD_FAST", ""))

# The phrase for a refcount change's instruction (the ``why`` field's first word).
CAUSES = {
    "STORE_NAME": "name {arg} bound", "STORE_FAST": "name {arg} bound",
    "STORE_GLOBAL": "global {arg} bound", "STORE_DEREF": "cell variable {arg} bound",
    "DELETE_NAME": "del {arg}", "DELETE_FAST": "del {arg}", "DELETE_GLOBAL": "del {arg}",
    "DELETE_DEREF": "del {arg}",
    "STORE_ATTR": "stored as attribute .{arg}", "DELETE_ATTR": "attribute .{arg} deleted",
    "STORE_SUBSCR": "stored in a container slot", "DELETE_SUBSCR": "removed from a container",
    "BUILD_LIST": "put in a new list", "BUILD_TUPLE": "put in a new tuple",
    "BUILD_MAP": "put in a new dict", "BUILD_SET": "put in a new set",
    "BUILD_CONST_KEY_MAP": "put in a new dict", "LIST_APPEND": "appended to a list",
    "LIST_EXTEND": "copied into a list", "SET_ADD": "added to a set",
    "MAP_ADD": "put in a dict", "DICT_UPDATE": "copied into a dict",
    "CALL": "by a call (argument, result or what the callee stored)",
    "PRECALL": "by a call", "CALL_FUNCTION_EX": "by a call",
    "RETURN_VALUE": "returned; the frame's references released",
    "YIELD_VALUE": "yielded", "FOR_ITER": "the loop's next item",
    "GET_ITER": "iteration started", "MAKE_FUNCTION": "held by a new function",
    "BINARY_OP": "by an operator", "BINARY_SUBSCR": "read from a container",
    "UNPACK_SEQUENCE": "unpacked", "IMPORT_NAME": "import", "IMPORT_FROM": "import",
    "POP_EXCEPT": "exception handled", "RERAISE": "exception re-raised",
    "gc": "by the cycle collector",
}


def hexa(address):
    return f"0x{address:x}"


def plural(n, word):
    return f"{n:,} {word}" if n == 1 else f"{n:,} {word}s"


def cause_phrase(why):
    """The words for an ``rc`` event's ``why`` (``"STORE_NAME b"`` -> ``name b bound``)."""
    op, _, arg = (why or "").partition(" ")
    text = CAUSES.get(op)
    if text is None:
        return op.lower().replace("_", " ") if op else "by the runtime"
    return text.format(arg=arg)


def block_words(size, pool, c):
    """``a 64-byte block of pool 0x... (size class 3)``, or a raw block."""
    if pool is None:
        return f"a raw {size:,}-byte block (outside pymalloc)"
    return f"a {size}-byte block of pool {hexa(pool)} (size class {c})"


def birth_sentence(ev, block=None):
    """``list#1 born at 0x...: 56 bytes in a 64-byte block of pool 0x... (size class 3)``.
    ``block``: (block size, pool, size class) when known (from the state or the step's
    allocation)."""
    text = f"{ev['name']} born at {hexa(ev['a'])}: {ev['n']:,} bytes"
    if block is not None:
        text += " in " + block_words(*block)
    if ev.get("reused"):
        text += f", a block reused from the {ev['t']} free list"
    return text


def death_sentence(name, kept, block=None):
    if kept:
        return f"{name} freed: refcount 0; its block stays on a free list for the next one"
    if block is not None and block[1] is not None:
        return f"{name} freed: refcount 0; its {block[0]}-byte block goes back to pool " \
               f"{hexa(block[1])}"
    return f"{name} freed: refcount 0; its memory is given back"


def event_sentence(ev, names, entries=None, block_of=None, size_classes=()):
    """One sentence for one event (a caption).  ``names``: record id -> symbolic name;
    ``entries``: record id -> state entry (for block sizes); ``block_of``: block address ->
    (block size, pool, size class) of blocks allocated so far."""
    k = ev["k"]
    entries = entries or {}
    block_of = block_of or {}
    if k == "alloc":
        return f"{block_words(ev['b'] or ev['n'], ev['p'], ev['c'])} allocated at " \
               f"{hexa(ev['a'])} for {ev['n']:,} bytes"
    if k == "free":
        return f"block {hexa(ev['a'])} given back to the allocator"
    if k == "birth":
        return birth_sentence(ev, _entry_block(entries.get(ev["o"]), size_classes)
                              or block_of.get(ev["blk"]))
    if k == "death":
        return death_sentence(names.get(ev["o"], "?"), ev.get("kept"), block_of.get(ev["blk"]))
    if k == "rc":
        return f"{names.get(ev['o'], '?')}: refcount {ev['from']} → {ev['to']} " \
               f"({cause_phrase(ev['why'])})"
    if k == "gc":
        return gc_phase_sentence(ev, names)
    if k == "call":
        return finalizer_sentence(ev, names)
    if k == "push":
        return f"{ev['func']} called: a new frame goes on the stack"
    if k == "pop":
        return "a frame leaves the stack"
    if k in ("stdout", "stderr"):
        return f"the program writes {ev['text']!r} to {k}"
    return k


def gc_phase_sentence(ev, names):
    g, phase = ev["g"], ev["phase"]
    if phase == "start":
        return f"collection of generation {g} starts"
    if phase == "subtract_refs":
        return f"collection of generation {g}: {plural(len(ev.get('refs', ())), 'object')} " \
               "examined, references from inside the generation subtracted"
    if phase == "unreachable":
        objs = ev.get("objects", ())
        return f"collection of generation {g}: {len(objs)} unreachable{_listed(objs, names)}"
    if phase == "promote":
        return f"collection of generation {g}: {plural(ev.get('survivors') or 0, 'survivor')}" \
               " promoted to the next generation"
    if phase == "delete":
        return f"collection of generation {g}: clearing{_listed(ev.get('objects', ()), names)}"
    if phase == "stop":
        return f"collection of generation {g} done: {ev.get('collected', 0)} collected, " \
               f"{ev.get('uncollectable', 0)} uncollectable"
    return f"collection of generation {g}: {phase}"


def finalizer_sentence(ev, names):
    name = names.get(ev.get("o"), "an object")
    if ev["what"] == "__del__":
        return f"{name}.__del__() runs (its finalizer)"
    return f"weakref callback of {name} runs"


def _listed(ids, names):
    if not ids:
        return ""
    shown = [names.get(i, "?") for i in ids[:8]]
    more = f", +{len(ids) - 8} more" if len(ids) > 8 else ""
    return f" ({', '.join(shown)}{more})"


def _entry_block(entry, size_classes=()):
    """(block size, pool, size class) of a state entry's block, or None."""
    if entry is None or "block_size" not in entry:
        return None
    pool = entry.get("pool")
    size = entry["block_size"]
    c = size_classes.index(size) if pool is not None and size in size_classes else None
    return size, pool, c


def value_words(entry):
    """``int#3 (256, shared)`` style description of a target."""
    if entry is None:
        return ""
    bits = []
    if entry.get("value") not in (None, ""):
        bits.append(str(entry["value"]))
    if entry.get("shared"):
        bits.append("shared start-up object")
    return f" ({', '.join(bits)})" if bits else ""


def _cause_of(whys, delta):
    """The instruction that mattered among a line's refcount changes of one object: the
    last one that is not value-stack traffic, else the last one."""
    for why in reversed(whys):
        if why.partition(" ")[0] not in STACK_OPS:
            break
    else:
        why = whys[-1] if whys else ""
    op, _, arg = why.partition(" ")
    if delta < 0 and op in ("STORE_NAME", "STORE_FAST", "STORE_GLOBAL", "STORE_DEREF"):
        return f"name {arg} rebound"
    if delta < 0 and op == "STORE_ATTR":
        return f"attribute .{arg} rebound"
    return cause_phrase(why)


# A dict holding one of these keys is a namespace (a module's globals, a class body's
# locals): its changes are told as the names' bindings.
NAMESPACE_MARKS = ("['__name__']", "['__module__']")
# References a contents sentence leaves out: a dict's keys, unlabelled internals.
UNTOLD = ("key", "")
# How many changed references of one object a line's sentence lists.
CONTENT_WORDS = 3


class StoryWalker:
    """Walks a record's steps in order (``facts(i)`` for i = 1, 2, ...), keeping the state
    after each step (objects, frames) and the run's figures for the closing summary.

    Its tables: ``objects`` (record id -> entry, the state after the last step walked),
    ``frames``, ``names`` (record id -> symbolic name, also for the dead), ``last`` (record
    id -> its last entry, kept after its death), ``block_of`` (block address -> (block size,
    pool, size class)), ``used`` (pymalloc blocks in use) and the summary's counters."""

    def __init__(self, record):
        self.record = record
        self.size_classes = record.get("size_classes") or []
        self.objects = {}
        self.frames = []
        self.names = {}
        self.last = {}
        self.block_of = {}
        self.used = set()
        self.used_bytes = 0
        self.raw = {}
        self.born = {}          # type -> count (line steps only)
        self.freed = {}
        self.collections = []
        self.gc = None
        self.module_names = {}  # record id -> names in the module namespace (last seen)
        self.startup_ids = set()
        self.peak = None
        kf = record["keyframes"][0] if record.get("keyframes") else None
        if kf is not None:
            for e in kf["objects"]:
                self._set_entry(e)
            self.frames = kf["frames"]
            for p in kf.get("pools", ()):
                bits, n = int(p["used"], 16), 0
                while bits:
                    if bits & 1:
                        blk = p["first"] + n * p["size"]
                        self.block_of[blk] = (p["size"], p["addr"], p["c"])
                        self.used.add(blk)
                        self.used_bytes += p["size"]
                    bits >>= 1
                    n += 1
        steps = record["steps"]
        self.expanded = list(expanded_steps(record))     # deltas in full, walked in order
        if steps:
            for ev in steps[0]["events"]:
                if ev["k"] == "birth":
                    self.names[ev["o"]] = ev["name"]
                    self.startup_ids.add(ev["o"])
        self.start_blocks = (len(self.used), self.used_bytes)
        self.raw_freed_old = 0
        self.peak = {"blocks": len(self.used), "bytes": self.used_bytes, "step": 0,
                     "bytes_step": 0}
        self._track_module()

    def _set_entry(self, e):
        self.objects[e["id"]] = e
        self.last[e["id"]] = e
        self.names[e["id"]] = e["name"]

    def _track_module(self):
        if self.frames and self.frames[0]["func"] == "<module>":
            names = {}
            for n in self.frames[0]["names"]:
                names.setdefault(n["to"], []).append(n["name"])
            self.module_names = names

    def name(self, rid):
        return self.names.get(rid, f"object {rid}")

    def describe(self, rid):
        """``list#1`` with its value and whether it is shared: ``int#2 (256, shared ...)``."""
        return self.name(rid) + value_words(self.last.get(rid))

    # --- one step ---------------------------------------------------------------------------

    def facts(self, i):
        """The pieces of line step ``i`` in order: ``("fact", fact)`` and ``("out", stream,
        text)``.  Steps must be walked in order."""
        step = self.expanded[i]
        events = step["events"]
        before = self.frames
        delta = step["delta"]
        if "frames" in delta:
            self.frames = delta["frames"]
        previous = {}
        for e in delta.get("objects", ()):
            previous[e["id"]] = self.objects.get(e["id"])
            self._set_entry(e)
        for e in events:
            if e["k"] == "birth":
                self.names[e["o"]] = e["name"]
        born_ids = {e["o"] for e in events if e["k"] == "birth"}
        dead_ids = {e["o"] for e in events if e["k"] == "death"}
        temporary = born_ids & dead_ids
        births = {e["o"]: e for e in events if e["k"] == "birth"}
        rc_first, rc_last, whys = {}, {}, {}
        pieces = []
        temp_fact = {}
        gc_dead = set()
        allocs, frees = {}, []
        for ev in events:
            k = ev["k"]
            if k == "alloc":
                size = ev["b"] or ev["n"]
                self.block_of[ev["a"]] = (size, ev["p"], ev["c"])
                allocs[ev["a"]] = ev
                self._alloc(ev, i)
            elif k == "free":
                frees.append(ev["a"])
                self._free(ev["a"])
            elif k == "birth":
                self.born[ev["t"]] = self.born.get(ev["t"], 0) + 1
                if ev["o"] in temporary:
                    self._temporary(ev, temp_fact, pieces)
                else:
                    pieces.append(("fact", self._birth_fact(ev)))
            elif k == "death":
                t = self.last.get(ev["o"], {}).get("type") or births.get(ev["o"], {}).get("t")
                self.freed[t] = self.freed.get(t, 0) + 1
                self.objects.pop(ev["o"], None)
                if self.gc is not None:
                    self.gc["freed"].append(self.name(ev["o"]))
                    gc_dead.add(ev["o"])
                elif ev["o"] not in temporary:
                    pieces.append(("fact", self._death_fact(ev)))
            elif k == "rc":
                rc_first.setdefault(ev["o"], ev["from"])
                rc_last[ev["o"]] = ev["to"]
                whys.setdefault(ev["o"], []).append(ev["why"])
            elif k == "gc":
                fact = self._gc_event(ev, i, step)
                if fact is not None:
                    pieces.append(("fact", fact))
            elif k == "call":
                pieces.append(("fact", {"kind": "finalizer", "what": ev["what"],
                                        "object": self.name(ev.get("o")),
                                        "text": finalizer_sentence(ev, self.names)}))
            elif k == "push":
                pieces.append(("fact", self._push_fact(ev)))
            elif k == "pop":
                pieces.append(("fact", self._pop_fact(ev, before)))
            elif k in ("stdout", "stderr"):
                pieces.append(("out", k, ev["text"]))
        for rid in step["delta"].get("gone", ()):
            self.objects.pop(rid, None)
        explained = set(temporary) | gc_dead | dead_ids
        pieces.extend(("fact", f) for f in self._bindings(step, before, rc_first, rc_last,
                                                           whys, born_ids, explained))
        for rid, old in previous.items():
            if old is not None and rid not in born_ids and rid in self.objects:
                fact = self._contents_fact(old, self.objects[rid])
                if fact is not None:
                    pieces.append(("fact", fact))
        for rid, first in rc_first.items():
            if rid in explained or rid not in self.objects or rid in self.startup_ids:
                continue
            last = rc_last[rid]
            if last == first:
                continue
            pieces.append(("fact", {
                "kind": "refcount", "object": self.name(rid), "from": first, "to": last,
                "cause": _cause_of(whys[rid], last - first),
                "text": f"{self.name(rid)}: refcount {first} → {last} "
                        f"({_cause_of(whys[rid], last - first)})"}))
        blocks = self._blocks_fact(allocs, frees, events)
        if blocks is not None:
            pieces.append(("fact", blocks))
        self._track_module()
        return pieces

    def _alloc(self, ev, i):
        if ev["p"] is None:
            self.raw[ev["a"]] = ev["n"]
        elif ev["a"] not in self.used:
            self.used.add(ev["a"])
            self.used_bytes += ev["b"]
        self._peak(i)

    def _peak(self, i):
        """Blocks as sys.getallocatedblocks() counts them (pymalloc + raw; the raw blocks of
        start-up are added at the end, the record has no count of them) and their bytes."""
        blocks = len(self.used) + len(self.raw) - self.raw_freed_old
        nbytes = self.used_bytes + sum(self.raw.values())
        if blocks > self.peak["blocks"]:
            self.peak.update(blocks=blocks, step=i)
        if nbytes > self.peak["bytes"]:
            self.peak.update(bytes=nbytes, bytes_step=i)

    def _free(self, address):
        if address in self.raw:
            del self.raw[address]
        elif address in self.used:
            self.used.discard(address)
            self.used_bytes -= self.block_of[address][0]
        else:
            self.raw_freed_old += 1         # a raw block of start-up

    def _block(self, rid, blk):
        e = self.objects.get(rid)
        return _entry_block(e, self.size_classes) or self.block_of.get(blk)

    def _birth_fact(self, ev):
        block = self._block(ev["o"], ev["blk"])
        fact = {"kind": "birth", "object": ev["name"], "type": ev["t"], "address": ev["a"],
                "size": ev["n"], "reused": bool(ev.get("reused")),
                "text": birth_sentence(ev, block)}
        if block is not None:
            fact.update(block_size=block[0], pool=block[1], size_class=block[2])
        return fact

    def _death_fact(self, ev):
        block = self.block_of.get(ev["blk"])
        return {"kind": "death", "object": self.name(ev["o"]), "kept": bool(ev.get("kept")),
                "type": self.last.get(ev["o"], {}).get("type"),
                "text": death_sentence(self.name(ev["o"]), ev.get("kept"), block)}

    def _temporary(self, ev, temp_fact, pieces):
        f = temp_fact.get(ev["t"])
        if f is None:
            f = temp_fact[ev["t"]] = {"kind": "temporaries", "type": ev["t"], "objects": []}
            pieces.append(("fact", f))
        f["objects"].append(ev["name"])
        n = len(f["objects"])
        if n == 1:
            f["text"] = f"{ev['name']}: a temporary {ev['t']} ({ev['n']:,} bytes at " \
                        f"{hexa(ev['a'])}), born and freed within the line"
        else:
            f["text"] = f"{n} temporary {ev['t']} objects born and freed within the line" + \
                        _listed(f["objects"], {x: x for x in f["objects"]}).replace("'", "")

    def _gc_event(self, ev, i, step):
        phase = ev["phase"]
        if phase == "start":
            self.gc = {"generation": ev["g"], "step": i, "line": step["line"], "examined": 0,
                       "unreachable": [], "collected": 0, "uncollectable": 0, "freed": []}
            return None
        gc = self.gc
        if gc is None:
            return None
        if phase == "subtract_refs":
            if not gc["examined"]:          # a second pass re-checks the unreachable set
                gc["examined"] = len(ev.get("refs", ()))
        elif phase == "unreachable":
            gc["unreachable"] = [self.name(o) for o in ev.get("objects", ())]
            gc["unreachable_ids"] = list(ev.get("objects", ()))
            if gc["unreachable"]:
                return {"kind": "gc", "generation": gc["generation"],
                        "examined": gc["examined"], "unreachable": gc["unreachable"],
                        "text": f"collection of generation {gc['generation']}: "
                                f"{plural(gc['examined'], 'object')} examined, "
                                f"{len(gc['unreachable'])} unreachable"
                                f"{_listed(gc['unreachable_ids'], self.names)}"}
        elif phase == "stop":
            self.gc = None
            gc["collected"] = ev.get("collected", 0)
            gc["uncollectable"] = ev.get("uncollectable", 0)
            ids = gc.pop("unreachable_ids", [])
            gc["resurrected"] = [self.name(o) for o in ids if o in self.objects]
            self.collections.append(gc)
            return {"kind": "gc-done", **gc, "text": self._gc_done_text(gc)}
        return None

    def _gc_done_text(self, gc):
        g = gc["generation"]
        n = len(gc["unreachable"])
        if not n:
            return f"collection of generation {g}: {plural(gc['examined'], 'object')} " \
                   "examined, nothing unreachable"
        freed = gc["freed"]
        text = f"collection of generation {g} done: {gc['collected']} collected, " \
               f"{gc['uncollectable']} uncollectable"
        if freed:
            text += f"; freed: {', '.join(freed[:8])}" + \
                    (f", +{len(freed) - 8} more" if len(freed) > 8 else "")
        if gc["resurrected"]:
            text += f"; resurrected (still alive): {', '.join(gc['resurrected'])}"
        return text

    def _push_fact(self, ev):
        frame = next((f for f in self.frames if f["id"] == ev["frame"]), None)
        args = [(n["name"], n["to"]) for n in frame["names"]] if frame else []
        shown = ", ".join(f"{n} → {self.describe(t)}" for n, t in args)
        return {"kind": "call", "func": ev["func"], "frame": ev["frame"],
                "names": [[n, self.name(t)] for n, t in args],
                "text": f"{ev['func']}() called: a new frame" + (f" with {shown}" if shown
                                                                 else "")}

    def _pop_fact(self, ev, before):
        frame = next((f for f in before if f["id"] == ev["frame"]), None)
        func = frame["func"] if frame else "a function"
        names = [n["name"] for n in frame["names"]] if frame else []
        text = f"{func} returns: its frame leaves the stack"
        if names and frame["func"] != "<module>":
            text += f", dropping its references {', '.join(names)}"
        return {"kind": "return", "func": func, "frame": ev["frame"], "names": names,
                "text": text}

    def _bindings(self, step, before, rc_first, rc_last, whys, born_ids, explained):
        """Name changes of the frames that lived through the step."""
        out = []
        old_frames = {f["id"]: f for f in before}
        here = before[step["depth"] - 1]["id"] if 0 < step["depth"] <= len(before) else None
        everywhere = {}
        for f in self.frames:
            for n in f["names"]:
                everywhere.setdefault(n["to"], []).append(n["name"])
        for f in self.frames:
            old = old_frames.get(f["id"])
            if old is None:
                continue
            where = "" if f["id"] == here else f"in {f['func']}: "
            was = {n["name"]: n["to"] for n in old["names"]}
            now = {n["name"]: n["to"] for n in f["names"]}
            for name, to in now.items():
                if was.get(name) == to:
                    continue
                out.append(self._bind(where, name, to, was.get(name), rc_first, rc_last,
                                      born_ids, everywhere, explained))
            for name, to in was.items():
                if name not in now:
                    out.append(self._unbind(where, name, to, rc_first, rc_last, whys,
                                            explained))
        return out

    def _rc_words(self, rid, rc_first, rc_last, born_ids):
        e = self.objects.get(rid)
        if e is None or e.get("shared"):
            return ""
        if rid in rc_first and rid not in born_ids and rc_first[rid] != rc_last[rid]:
            return f": refcount {rc_first[rid]} → {rc_last[rid]}"
        return f": refcount {e['rc']}"

    def _bind(self, where, name, to, old, rc_first, rc_last, born_ids, everywhere, explained):
        also = [n for n in everywhere.get(to, ()) if n != name]
        text = f"{where}{name} → {self.describe(to)}"
        text += self._rc_words(to, rc_first, rc_last, born_ids)
        if also:
            text += f" (also named {', '.join(also)})"
        if old is not None:
            text += f"; {name} was {self.name(old)}"
        explained.add(to)
        e = self.objects.get(to, {})
        return {"kind": "bind", "name": name, "object": self.name(to),
                "was": self.name(old) if old is not None else None,
                "rc": e.get("rc"), "shared": bool(e.get("shared")), "also": also,
                "text": text}

    def _unbind(self, where, name, to, rc_first, rc_last, whys, explained):
        text = f"{where}del {name}"
        e = self.objects.get(to)
        if to in rc_first and e is not None:
            text += f": {self.name(to)} refcount {rc_first[to]} → {rc_last[to]}"
            explained.add(to)
        elif e is None and not self.last.get(to, {}).get("shared"):
            text += f": {self.name(to)} freed"
        else:
            text += f" ({self.describe(to)})"
        return {"kind": "unbind", "name": name, "object": self.name(to), "text": text}

    def _contents_fact(self, old, new):
        """What a program object now holds that it did not (``list#1: [3] → int#4 (4)
        added``) and what it dropped, with its size when that changed.  Namespaces are told
        by their names' bindings, a dict's key references go with their values, and
        unlabelled internals (a type's cached attribute names, a function's code) are not
        told."""
        if new.get("shared"):
            return None
        was = {(r["label"], r["to"]) for r in old.get("refs", ()) if r["label"] not in UNTOLD}
        now = [(r["label"], r["to"]) for r in new.get("refs", ()) if r["label"] not in UNTOLD]
        if any(label in NAMESPACE_MARKS for label, _ in now):
            return None
        added = [(label, to) for label, to in now if (label, to) not in was]
        kept = set(now)
        removed = [(label, to) for label, to in sorted(was) if (label, to) not in kept]
        if not added and not removed:
            return None
        gone = dict(removed)
        words = [f"{label} → {self.describe(to)}" + (f" (was {self.name(gone[label])})"
                                                      if label in gone else " added")
                 for label, to in added]
        now_labels = {label for label, _ in added}
        words += [f"{label} to {self.name(to)} dropped" for label, to in removed
                  if label not in now_labels]
        more = len(words) - CONTENT_WORDS
        text = f"{new['name']}: " + "; ".join(words[:CONTENT_WORDS])
        if more > 0:
            text += f"; and {more} more"
        if old.get("size") != new.get("size"):
            text += f" ({old.get('size')} → {new.get('size')} bytes)"
        return {"kind": "contents", "object": new["name"],
                "added": [{"label": label, "to": self.name(to)} for label, to in added],
                "dropped": [{"label": label, "to": self.name(to)} for label, to in removed],
                "size": [old.get("size"), new.get("size")], "text": text}

    def _blocks_fact(self, allocs, frees, events):
        """The blocks no birth or death of the step explains (item arrays, dict tables,
        string buffers, objects too short-lived to be seen)."""
        births = {e["blk"] for e in events if e["k"] == "birth"}
        deaths = {e["blk"] for e in events if e["k"] == "death"}
        freed = set(frees)
        short = [a for a in allocs if a in freed and a not in births]
        new = [a for a in allocs if a not in freed and a not in births]
        gone = [a for a in frees if a not in allocs and a not in deaths]
        if not (short or new or gone):
            return None
        bits = []
        if new:
            bits.append(f"{plural(len(new), 'block')} allocated ("
                        f"{_sizes([self.block_of[a][0] for a in new])})")
        if gone:
            bits.append(f"{plural(len(gone), 'block')} freed ("
                        f"{_sizes([self.block_of.get(a, (0,))[0] for a in gone])})")
        if short:
            bits.append(f"{plural(len(short), 'short-lived block')} allocated and freed")
        return {"kind": "blocks", "allocated": [self.block_of[a][0] for a in new],
                "freed": [self.block_of.get(a, (0,))[0] for a in gone],
                "short_lived": len(short),
                "text": "other memory: " + "; ".join(bits)}

    # --- the end ----------------------------------------------------------------------------

    def summary(self):
        """The closing figures (JSON-ready)."""
        rec = self.record
        kinds = sorted(set(self.born) | set(self.freed), key=str)
        by_type = {t: {"made": self.born.get(t, 0), "freed": self.freed.get(t, 0)}
                   for t in kinds}
        referrers = {}
        for e in self.objects.values():
            for r in e.get("refs", ()):
                if not r.get("weak"):
                    referrers.setdefault(r["to"], []).append(f"{e['name']}{r['label']}"
                                                             if r["label"].startswith(("[", "."))
                                                             else e["name"])
        alive = []
        for rid, e in sorted(self.objects.items()):
            if e.get("shared") or rid in self.startup_ids:
                continue
            alive.append({"object": e["name"], "type": e["type"], "address": e["addr"],
                          "size": e["size"], "refcount": e["rc"], "value": e.get("value"),
                          "names": self.module_names.get(rid, []),
                          "held_by": referrers.get(rid, [])[:5]})
        steps = rec["steps"]
        end = (rec.get("end") or {}).get("allocated_blocks")
        now = len(self.used) + len(self.raw) - self.raw_freed_old
        raw0 = end - now if end is not None else 0      # raw blocks alive since start-up
        return {
            "objects": by_type,
            "blocks": {"start": self.start_blocks[0] + raw0, "end": now + raw0,
                       "peak": self.peak["blocks"] + raw0,
                       "peak_line": steps[self.peak["step"]]["line"] if steps else None,
                       "start_bytes": self.start_blocks[1],
                       "end_bytes": self.used_bytes + sum(self.raw.values()),
                       "peak_bytes": self.peak["bytes"],
                       "peak_bytes_line": steps[self.peak["bytes_step"]]["line"]
                       if steps else None},
            "collections": self.collections,
            "alive": alive,
        }


def _sizes(sizes):
    shown = ", ".join(f"{s:,} B" for s in sizes[:6])
    return shown + (f", +{len(sizes) - 6} more" if len(sizes) > 6 else "")

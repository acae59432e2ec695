"""The recorder: one run's record, made from the runtime's hooks (docs/trace-format.md).

**What it listens to.**  Attached to a ``Runtime`` before the program runs, it takes four
hooks, none of which costs anything when no recorder is attached:

* the allocator's and the heap's tracer (``base/events.py``): allocations and frees with
  their block, pool and size class; collector phases; finalizer and weakref-callback calls;
* the interpreter's line hook (``Interpreter.attach_line_hook``): the generic handler of each
  instruction that can start a line reports first, which makes the line steps;
* ``PyObject.ob_refcnt`` itself: while a recorder is attached, the class attribute is a
  property over the real slot, so every refcount write in any layer (inline increfs
  included) reaches ``_refcount``.  Detaching puts the slot descriptor back;
* the guest's stdout and stderr streams, wrapped so that output is positioned in time.

**Births and deaths.**  Objects alive at attach time are the start-up objects (``shared``).
A refcount write on an object that is neither shared nor known alive is a birth; it is
reported once the object's address and type are set (constructors set the refcount first or
last), at the next event.  A refcount that reaches zero makes a *pending* death, reported at
the next event that is not a write on the same object: ``call_finalizer_from_dealloc`` gives
the object a refcount of 1 at once, which cancels it (the finalizer runs with the object
alive), and a resurrected object simply stays alive.

**State.**  The visible state (frames with their names, every program object and every
shared object they reference, each with its refcount, generation, references, address and
block, and the allocator's pools) is kept up to date at each step's end for the objects the
step touched (refcount writes, births) plus the kinds that change without being touched:
dicts (namespaces), cells, weakrefs, generators, modules and types; after a collection,
every object.  Each step stores the entries that changed (``delta``); every
``keyframe_every`` steps a keyframe stores the whole state, once the deltas since the last one
add up to half the state (so a large, slowly changing heap is not copied every hundred steps),
and at least ``pools_every`` steps apart the pool map too: a view rebuilds any step from the
nearest keyframe by applying at most about half a state's worth of deltas.
"""

import io
import itertools

from heapsim.base.errors import LimitExceeded
from heapsim.base.events import Alloc, FinalizerCall, Free, GCPhase
from heapsim.objects.cellobject import CellObject
from heapsim.objects.core import PyObject, TypeObject
from heapsim.objects.dict_table import DictObject
from heapsim.objects.dictobject import dict_items
from heapsim.objects.gcstate import PERMANENT
from heapsim.objects.unicodeobject import StrObject
from heapsim.objects.weakrefobject import WeakrefObject
from heapsim.objects.listobject import ListObject
from heapsim.objects.setobject import SetObject
from heapsim.objects.tupleobject import TupleObject
from heapsim.reclaim.audit import reference_functions, references
from heapsim.record.describe import labelled_references, summary
from heapsim.record.heapwalk import live_objects
from heapsim.record.snapshot import live_state

FORMAT_NAME = "heapsim-trace"
FORMAT_VERSION = 1

# Containers whose items are not changed through them (a list's items are their own objects).
PLAIN_CONTAINERS = (ListObject, TupleObject, DictObject, SetObject)

# The slot descriptor of ob_refcnt, which the recorder's property wraps while attached.
_REFCNT_SLOT = PyObject.__dict__["ob_refcnt"]
_active = []

HIDDEN_GLOBALS = frozenset(("__name__", "__doc__", "__package__", "__loader__", "__spec__",
                            "__annotations__", "__builtins__", "__file__", "__cached__"))


def _install_refcount_property(recorder):
    if _active:
        raise RuntimeError("a recorder is already attached in this process")
    get = _REFCNT_SLOT.__get__
    put = _REFCNT_SLOT.__set__
    note = recorder._refcount

    def read(obj):
        return get(obj, PyObject)

    def write(obj, value):
        try:
            old = get(obj, PyObject)
        except AttributeError:
            old = None
        put(obj, value)
        note(obj, old, value)

    _active.append(recorder)
    PyObject.ob_refcnt = property(read, write)


def _remove_refcount_property():
    PyObject.ob_refcnt = _REFCNT_SLOT
    _active.clear()


class _Stream:
    """A guest output stream that also records what is written, and when."""

    def __init__(self, inner, recorder, name):
        self.inner = inner
        self.recorder = recorder
        self.name = name

    def write(self, text):
        self.recorder._output(self.name, text)
        return self.inner.write(text)

    def flush(self):
        self.inner.flush()

    def __getattr__(self, name):
        return getattr(self.inner, name)


class Recorder:
    """Records one run (see the module doc).  ``attach(runtime)`` before ``run_source``,
    ``finish(exit_code)`` after it (also on errors); ``record`` is then the JSON-ready dict.

    ``max_line_steps``: the record's size limit; the run ends there with a ``heapsim:`` message
    (as the other limits end it).  ``snapshot_steps``: step numbers at whose end a live snapshot (``live_state``) is kept in
    ``snapshots``, for tests that compare the record with the heap; a step that does not end
    at a safe point (the main module's frame running) defers its snapshot to the next one."""

    attached = False

    def __init__(self, keyframe_every=100, pools_every=1000, snapshot_steps=(),
                 max_line_steps=None):
        self.keyframe_every = keyframe_every
        self.max_line_steps = max_line_steps
        self.pools_every = pools_every
        self.snapshot_steps = set(snapshot_steps)
        self.snapshots = {}
        self.record = None

    # --- attaching -----------------------------------------------------------------------

    def attach(self, runtime, sources=None):
        self.rt = runtime
        self.heap = heap = runtime.heap
        self.interp = interp = runtime.interp
        self.alloc = heap.allocator
        self.functions = reference_functions(heap)
        self.shared = live_objects(runtime, self.functions)
        self.static_base = heap.profile.memory.static_base
        self.sources = dict(sources or {})
        # the main script (known before it compiles: a syntax error leaves rt.filename None)
        self.program = next(iter(self.sources), None)
        self.ids = {}              # id(obj) -> record id, for every object ever named
        self.objs = {}             # record id -> the object (alive, or the last one named)
        self.kinds = {}            # record id -> "program" or "shared"
        self.names = {}            # record id -> symbolic name
        self.counters = {}
        self.next_id = itertools.count(1)
        self.live = {}             # id(obj) -> obj: program objects alive
        self.weakrefs = {}         # the live program objects that are weakrefs
        self.dicts = {}            # ... and dicts
        self.pending_births = {}
        self.pending_deaths = {}
        self.dirty = {}
        self.entries = {}          # record id -> the entry shown now (program + shared)
        self.fingerprints = {}     # record id -> what its entry was made from
        self.item_cache = {}       # record id -> (ids of a list's items, their ref entries)
        self.blocks = {}           # pool address -> set of used block addresses
        self.pool_class = {}       # pool address -> size class index
        self.raw_blocks = set()
        self.frames_now = []
        self.frame_ids = {}
        self.frame_counter = itertools.count(1)
        self.steps = []
        self.keyframes = []
        self.last_keyframe = self.last_pools = 0
        self.since_keyframe = 0        # delta entries since the last keyframe
        self.stdout = io.StringIO()
        self.stderr = io.StringIO()
        self.step_events = []
        self.collecting = False
        self.cause_cache = {}
        self.last_line = None      # (frame, line, index) of the last line step
        self.permanent = heap.gc.lists[PERMANENT]   # gc.freeze() moves all without a write
        self.frozen = len(self.permanent)
        self.finishing = False
        self.gc_now = None         # the collector's counts and thresholds, as last recorded
        for addr, size in self.alloc.live_blocks():
            self._block_used(addr, True)
        self._open_step(None, None, None, 0)
        interp.stdout = _Stream(interp.stdout, self, "stdout")
        interp.stderr = _Stream(interp.stderr, self, "stderr")
        self.alloc.tracer = self
        heap.tracer = self
        interp.attach_line_hook(self)
        _install_refcount_property(self)
        self.attached = True

    def detach(self):
        if _active and _active[0] is self:
            _remove_refcount_property()
        self.alloc.tracer = None
        self.heap.tracer = None

    # --- the hooks ----------------------------------------------------------------------

    def wrap(self, dc, handlers):
        """The line hook: wrap the handlers of instructions that start a line or that a
        jump can reach (a loop's head), so that they report before running."""
        starts = set()
        prev = None
        instrs = dc.instructions
        for ins in instrs:
            if ins.lineno and ins.lineno != prev:
                starts.add(ins.index)
                prev = ins.lineno
            t = ins.target
            if t is not None and 0 <= t < len(instrs) and instrs[t].lineno:
                starts.add(t)
        out = list(handlers)
        line = self._line
        for i in starts:
            if i < len(out):
                out[i] = _reporting(out[i], line)
        return out

    def _line(self, f, ins):
        line = f.dc.line_of(ins.index)
        last = self.last_line
        if last is not None and last[0] is f and last[1] == line and ins.index > last[2]:
            self.last_line = (f, line, ins.index)
            return
        self.last_line = (f, line, ins.index)
        if self.max_line_steps is not None and len(self.steps) >= self.max_line_steps:
            raise LimitExceeded("line step", self.max_line_steps)
        self._close_step()
        depth = 0
        g = f
        while g is not None:
            depth += 1
            g = g.back
        self._open_step(f.dc.filename, line, f.dc.qualname, depth)

    def event(self, ev):
        """The allocator's and the heap's tracer."""
        if isinstance(ev, Alloc):
            self._flush()
            pool = self.alloc.pool_of(ev.address)
            self._block_used(ev.address, True)
            self.step_events.append({
                "k": "alloc", "a": ev.address, "n": ev.size, "b": ev.block_size,
                "p": pool.address if pool is not None else None,
                "c": pool.szidx if pool is not None else None})
        elif isinstance(ev, Free):
            self._flush()
            self._block_used(ev.address, False)
            self.step_events.append({"k": "free", "a": ev.address})
        elif isinstance(ev, GCPhase):
            self._gc_phase(ev)
        elif isinstance(ev, FinalizerCall):
            self._flush_births()
            self.step_events.append({"k": "call", "what": ev.kind,
                                     "o": self.ids.get(self._id_at(ev.address))})

    def _id_at(self, address):
        for oid, obj in self.live.items():
            if obj.addr == address:
                return oid
        return None

    def _output(self, name, text):
        (self.stdout if name == "stdout" else self.stderr).write(text)
        self.step_events.append({"k": name, "text": text})

    def _refcount(self, obj, old, new):
        key = id(obj)
        if self.pending_deaths and key not in self.pending_deaths:
            self._flush_deaths()
        elif key in self.pending_deaths and new > 0:
            del self.pending_deaths[key]            # a finalizer's temporary reference
        if key in self.live:
            self.dirty[key] = obj
            rid = self.ids.get(key)
            if rid is not None and old is not None:
                self.step_events.append({"k": "rc", "o": rid, "from": old, "to": new,
                                         "why": self._cause()})
            if new == 0:
                self.pending_deaths[key] = obj
            if self.pending_births:
                self._flush_births()
            return
        if key in self.shared:
            if new == 0:
                self.pending_deaths[key] = obj
            elif self.ids.get(key) is not None:
                self.dirty[key] = obj
            return
        if self.pending_births and key not in self.pending_births:
            self._flush_births()
        self.pending_births[key] = obj

    def _cause(self):
        if self.collecting:
            return "gc"
        f = self.interp.frame
        if f is None:
            return ""
        k = (f.dc, f.i)
        c = self.cause_cache.get(k)
        if c is None:
            c = ""
            if 0 < f.i <= len(f.dc.instructions):
                ins = f.dc.instructions[f.i - 1]
                c = ins.opname
                if isinstance(ins.argval, str):
                    c += " " + ins.argval
            self.cause_cache[k] = c
        return c

    def _flush(self):
        if self.pending_deaths:
            self._flush_deaths()
        if self.pending_births:
            self._flush_births()

    def _flush_births(self):
        pending = self.pending_births
        for key, obj in list(pending.items()):
            try:
                addr = obj.addr
                tp = obj.ob_type
                rc = obj.ob_refcnt
            except AttributeError:
                continue                # still being built: at the next event
            if tp is None or not addr:
                continue
            del pending[key]
            if rc <= 0:
                continue
            if self._is_static(obj):
                self.shared[key] = obj      # made lazily, lives in the binary: start-up
                continue
            self.live[key] = obj
            self.dirty[key] = obj
            self.births_in_step = True
            if isinstance(obj, WeakrefObject):
                self.weakrefs[key] = obj
            elif isinstance(obj, DictObject):
                self.dicts[key] = obj
            rid = self._name(obj, "program")
            self.step_events.append({"k": "birth", "o": rid, "t": tp.name, "a": addr,
                                     "blk": addr - tp.preheader, "n": _size(obj),
                                     "name": self.names[rid]})

    def _flush_deaths(self):
        pending = self.pending_deaths
        for key, obj in list(pending.items()):
            del pending[key]
            if obj.ob_refcnt != 0:
                continue
            rid = self.ids.get(key)
            if key in self.live:
                del self.live[key]
                self.weakrefs.pop(key, None)
                self.dicts.pop(key, None)
            elif key in self.shared:
                del self.shared[key]
            else:
                continue
            self.dirty.pop(key, None)
            del self.ids[key]
            if rid is not None:
                self.step_events.append({"k": "death", "o": rid,
                                         "blk": obj.addr - obj.ob_type.preheader})
                self.entries.pop(rid, None)
                self.fingerprints.pop(rid, None)
                self.item_cache.pop(rid, None)
                self.gone.append(rid)

    def _gc_phase(self, ev):
        self._flush()
        e = {"k": "gc", "phase": ev.phase, "g": ev.generation}
        if ev.phase == "start":
            self.collecting = True
        elif ev.phase == "stop":
            self.collecting = False
            e["collected"] = ev.collected
            e["uncollectable"] = ev.uncollectable
            self.full_rescan = True
        elif ev.phase == "promote":
            e["survivors"] = ev.collected
        if ev.refs:
            e["refs"] = [[self._ref_id(o), n] for o, n in ev.refs if self._shown(o)]
        if ev.objects:
            e["objects"] = [self._ref_id(o) for o in ev.objects if self._shown(o)]
        self.step_events.append(e)

    def _shown(self, obj):
        return id(obj) in self.live or id(obj) in self.ids

    # --- names and entries ----------------------------------------------------------------

    def _name(self, obj, kind):
        rid = next(self.next_id)
        self.ids[id(obj)] = rid
        self.objs[rid] = obj
        self.kinds[rid] = kind
        tname = obj.ob_type.name
        n = self.counters.get(tname, 0) + 1
        self.counters[tname] = n
        self.names[rid] = f"{tname}#{n}"
        return rid

    def _is_static(self, obj):
        """Allocated in the static region (CPython's binary), not by the allocator."""
        return self.static_base <= obj.addr < self.heap.static_next

    def _ref_id(self, obj):
        """The record id of a reference's target, naming a shared object on first sight."""
        key = id(obj)
        rid = self.ids.get(key)
        if rid is None:
            if key in self.live:
                rid = self._name(obj, "program")
            else:
                if key not in self.shared:
                    self.shared[key] = obj
                rid = self._name(obj, "shared")
                self.dirty[key] = obj
        return rid

    def entry(self, obj, rid, ref_id=None):
        """The state entry of one object (docs/trace-format.md, "objects").  ``ref_id``
        names the targets of its references (default: naming shared ones on first sight)."""
        ref_id = ref_id or self._ref_id
        heap = self.heap
        tp = obj.ob_type
        block = obj.addr - tp.preheader
        static = self._is_static(obj)
        gen = getattr(obj, "gc_gen", None) if tp.is_gc else None
        e = {"id": rid, "name": self.names[rid], "type": tp.name, "addr": obj.addr,
             "rc": obj.ob_refcnt, "size": _size(obj), "value": summary(obj, heap),
             "shared": self.kinds[rid] == "shared"}
        if static:
            e["gen"] = "static"
        else:
            if gen is None or gen < 0:
                e["gen"] = "untracked"
            elif gen <= 3:
                e["gen"] = gen
            else:           # on one of a collection's scratch lists (a finalizer is running)
                e["gen"] = "collecting"
            e["block"] = block
            e["block_size"] = self.alloc.block_size(block)
            pool = self.alloc.pool_of(block)
            if pool is not None:
                e["pool"] = pool.address
        if self.kinds[rid] == "program":
            if isinstance(obj, (ListObject, TupleObject)):
                e["refs"] = self._item_refs(obj, rid, ref_id)
            else:
                refs = []
                for r in labelled_references(obj, self.functions):
                    t = {"label": r.label, "to": ref_id(r.target)}
                    if r.weak:
                        t["weak"] = True
                    refs.append(t)
                e["refs"] = refs
        return e

    def _item_refs(self, obj, rid, ref_id):
        """A list's or tuple's references, reusing the entries of the unchanged prefix (a
        list appended to in a loop costs its new items, not its length, per step)."""
        items = obj.items
        ids = tuple(map(id, items))
        cached = self.item_cache.get(rid) if ref_id == self._ref_id else None
        k = 0
        if cached is not None:
            k = common_prefix(cached[0], ids)
            refs = cached[1][:k]
        else:
            refs = []
        for i in range(k, len(items)):
            o = items[i]
            if o is not None:
                refs.append({"label": f"[{i}]", "to": ref_id(o)})
        if ref_id == self._ref_id:
            self.item_cache[rid] = (ids, refs)
        return list(refs)

    def fingerprint(self, obj, rid):
        """What an entry depends on, cheaply: refcount, generation, size and the identity of
        every reference (for shared objects, whose references are not shown, the length of
        a container instead)."""
        tp = obj.ob_type
        gen = getattr(obj, "gc_gen", None) if tp.is_gc else None
        if self.kinds[rid] != "program":
            if isinstance(obj, PLAIN_CONTAINERS):       # gc.garbage, atexit's list: shown
                return (obj.ob_refcnt, gen, _size(obj), summary(obj, self.heap))    # by length
            return (obj.ob_refcnt, gen)
        if isinstance(obj, (ListObject, TupleObject)):
            targets = tuple(map(id, obj.items))
        else:
            targets = tuple(map(id, references(obj, self.functions)))
            if isinstance(obj, WeakrefObject):
                targets += (id(obj.wr_object),)
        return (obj.ob_refcnt, gen, obj.addr, tp, _size(obj), targets)

    def frames(self):
        """The running frames, outermost first, with their names' targets."""
        chain = []
        f = self.interp.frame
        while f is not None:
            chain.append(f)
            f = f.back
        chain.reverse()
        keep = {}
        out = []
        for f in chain:
            fid = self.frame_ids.get(id(f))
            if fid is None or fid[1] is not f:
                fid = (next(self.frame_counter), f)
            keep[id(f)] = fid
            out.append(self._frame_entry(f, fid[0]))
        self.frame_ids = keep
        if not out and self.frames_now and self.frames_now[0]["func"] == "<module>":
            # the program has finished: its module's namespace still holds what it made
            main = self.rt.modules.get("__main__")
            if main is not None:
                first = self.frames_now[0]
                out = [{"id": first["id"], "func": "<module>", "file": first["file"],
                        "line": first["line"], "names": self._namespace(main.md_dict),
                        "stack": [], "finished": True}]
        return out

    def _namespace(self, d):
        names = []
        for k, v in dict_items(d):
            if isinstance(k, StrObject) and k.value not in HIDDEN_GLOBALS:
                names.append({"name": k.value, "to": self._ref_id(v)})
        return names

    def _frame_entry(self, f, fid):
        dc = f.dc
        names = []
        if f.locals is not None and isinstance(f.locals, DictObject):
            names = self._namespace(f.locals)
        else:
            for name, v in zip(dc.localsplus_names, f.localsplus):
                if v is not None:
                    names.append({"name": name, "to": self._ref_id(v)})
        stack = [self._ref_id(v) for v in f.stack if v is not None]
        line = dc.line_of(max(f.i - 1, 0))
        return {"id": fid, "func": dc.qualname, "file": dc.filename, "line": line,
                "names": names, "stack": stack}

    # --- steps ----------------------------------------------------------------------------

    def _open_step(self, filename, line, func, depth):
        if filename is not None and filename not in self.sources:
            self.sources[filename] = self._source_of(filename)
        self.step_events = []
        self.gone = []
        self.full_rescan = False
        self.births_in_step = False
        self.cur = {"i": len(self.steps), "file": filename, "line": line, "func": func,
                    "depth": depth}

    def _source_of(self, filename):
        rt = self.rt
        if filename == rt.filename:
            return "\n".join(rt.source_lines) + "\n"
        lines = rt.sources.get(filename)
        return "\n".join(lines) + "\n" if lines is not None else ""

    def _close_step(self):
        self._flush()
        self._flush()
        step = self.cur
        i = step["i"]
        frames = self.frames()
        delta = {}
        if frames != self.frames_now:
            old = self.frames_now
            old_ids = {f["id"] for f in old}
            new_ids = {f["id"] for f in frames}
            for f in reversed(old):
                if f["id"] not in new_ids:
                    self.step_events.append({"k": "pop", "frame": f["id"]})
            for fr in frames:
                if fr["id"] not in old_ids:
                    self.step_events.append({"k": "push", "frame": fr["id"],
                                             "func": fr["func"]})
            keep = 0
            n = min(len(old), len(frames))
            while keep < n and old[keep] == frames[keep]:
                keep += 1
            if keep:            # a deep stack re-sends only the frames that changed
                delta["frames_keep"] = keep
            delta["frames"] = frames[keep:]
            self.frames_now = frames
        changed = self._refresh()
        if changed:
            delta["objects"] = changed
        if self.gone:
            delta["gone"] = self.gone
        _mark_free_lists(self.step_events)
        step["events"] = self.step_events
        step["delta"] = delta
        gc = self.heap.gc
        counters = gc.count + gc.threshold
        if counters != self.gc_now:
            step["gc"] = self.gc_now = counters
        self.steps.append(step)
        self.since_keyframe += len(changed) + len(self.gone) + len(delta.get("frames", ()))
        if i == 0 or (i - self.last_keyframe >= self.keyframe_every
                      and 2 * self.since_keyframe >= len(self.entries)):
            kf = {"step": i, "frames": self.frames_now,
                  "objects": list(self.entries.values())}
            if i == 0 or i - self.last_pools >= self.pools_every:
                kf["pools"] = self.pools()
                self.last_pools = i
            self.keyframes.append(kf)
            self.last_keyframe = i
            self.since_keyframe = 0
        if i in self.snapshot_steps:
            f = self.interp.frame
            if f is None or f.back is None:
                self.snapshots[i] = live_state(self)
            else:       # not a safe point: C code may hold references no root declares
                self.snapshot_steps.add(i + 1)

    def _refresh(self):
        """Re-read the entries of the touched and watched objects; return those that
        changed."""
        todo = dict(self.dirty)
        self.dirty = {}
        if len(self.permanent) != self.frozen:     # gc.freeze() or gc.unfreeze()
            self.frozen = len(self.permanent)
            self.full_rescan = True
        if self.finishing:
            for key, obj in self.shared.items():
                if key in self.ids:
                    todo[key] = obj
        if self.full_rescan:        # a collection moved, untracked or cleared them
            for key, obj in self.live.items():
                if obj.ob_type.is_gc:
                    todo[key] = obj
            for key, obj in self.shared.items():
                if key in self.ids and obj.ob_type.is_gc:
                    todo[key] = obj
        live = self.live
        # what changes without being touched: the running frames' namespaces, cells and
        # value stacks, the generators running, weakrefs whose referent died, owned
        # namespace dicts
        f = self.interp.frame
        while f is not None:
            for d in (f.globals, f.locals, f.gen):
                if d is not None and id(d) in live:
                    todo[id(d)] = d
            for v in f.localsplus:
                if isinstance(v, CellObject) and id(v) in live:
                    todo[id(v)] = v
            for v in f.stack:      # LIST_APPEND, MAP_ADD, ... fill what they never load
                if v is not None and id(v) in live:
                    todo[id(v)] = v
            f = f.back
        if self.interp.frame is None:       # the program has finished: its namespace
            main = self.rt.modules.get("__main__")
            if main is not None and id(main.md_dict) in live:
                todo[id(main.md_dict)] = main.md_dict
        if self.gone:
            todo.update(self.weakrefs)
        # an object's parts change through the object: its namespace dict, its type's
        # shared keys and subclass list, an exception's notes; re-read the non-container
        # objects' direct referents along with them
        functions = self.functions
        for obj in list(todo.values()):
            if isinstance(obj, PLAIN_CONTAINERS):
                continue
            for r in references(obj, functions):
                if id(r) in live:
                    todo[id(r)] = r
        if self.births_in_step:
            for provider in self.heap.reclaim.root_providers:
                for obj in provider():  # held by the runtime: subclass lists, caches
                    if id(obj) in live:
                        todo[id(obj)] = obj
        for fr in self.frames_now:
            for n in fr["names"]:
                target = self.objs.get(n["to"])
                if target is not None and id(target) in live:
                    todo[id(target)] = target
        changed = []
        seen = set()
        done = set()
        while todo:
            key, obj = todo.popitem()
            if key in seen:
                continue
            seen.add(key)
            if key not in self.live and key not in self.shared:
                continue
            rid = self.ids.get(key)
            if rid is None:
                if key in self.live:
                    rid = self._name(obj, "program")
                else:
                    continue
            fp = self.fingerprint(obj, rid)
            if self.fingerprints.get(rid) == fp:
                continue
            self.fingerprints[rid] = fp
            e = self.entry(obj, rid)
            old = self.entries.get(rid)
            if old != e:
                self.entries[rid] = e
                d, kept = _patch(old, e)
                changed.append(d)
                # an object newly referenced may have changed unseen (filled by C code that
                # held it, then handed over without a refcount write)
                for r in e.get("refs", ())[kept:]:
                    t = r["to"]
                    if t not in done:
                        done.add(t)
                        target = self.objs.get(t)
                        if target is not None:
                            todo.setdefault(id(target), target)
                if isinstance(obj, TypeObject):
                    # its shared keys size its instances' split dicts
                    for k2, o2 in self.dicts.items():
                        if o2.ma_values is not None:
                            todo.setdefault(k2, o2)
            # newly named shared targets need an entry too
            for t in self.dirty.items():
                todo.setdefault(*t)
            self.dirty = {}
        return changed

    def pools(self):
        """The pool map: every pool with a block in use, its size class and a bitmap of its
        used blocks (hex, lowest block first)."""
        out = []
        for paddr in sorted(self.blocks):
            used = self.blocks[paddr]
            if not used:
                continue
            pool = self.alloc.pool_of(paddr)
            size = pool.size
            first = pool.first
            bits = 0
            for b in used:
                bits |= 1 << ((b - first) // size)
            out.append({"addr": paddr, "c": pool.szidx, "size": size, "first": first,
                        "capacity": self.alloc._class_capacity[pool.szidx],
                        "used": format(bits, "x")})
        return out

    def _block_used(self, address, used):
        pool = self.alloc.pool_of(address)
        if pool is None:
            (self.raw_blocks.add if used else self.raw_blocks.discard)(address)
            return
        s = self.blocks.get(pool.address)
        if s is None:
            s = self.blocks[pool.address] = set()
        if used:
            s.add(address)
        else:
            s.discard(address)

    # --- the end --------------------------------------------------------------------------

    def finish(self, exit_code, error=None):
        """Close the last step, detach, and build ``record``."""
        try:
            # shutdown (atexit, the final collections) changes start-up containers without a
            # refcount write of their own: the last step re-reads every shared object shown
            self.finishing = True
            self._close_step()
            self.last_step_live = self.snapshot_now()
        finally:
            self.detach()
        self.record = {
            "format": FORMAT_NAME, "version": FORMAT_VERSION,
            "program": self.rt.filename or self.program, "sources": self.sources,
            "stdout": self.stdout.getvalue(), "stderr": self.stderr.getvalue(),
            "exit_code": exit_code, "error": error,
            "keyframe_every": self.keyframe_every, "pools_every": self.pools_every,
            "pool_size": self.alloc._pool_size,
            "size_classes": [((i + 1) << self.alloc._shift)
                             for i in range(len(self.alloc._class_capacity))],
            "steps": self.steps, "keyframes": self.keyframes,
            "end": {"allocated_blocks": self.alloc.allocated_blocks(),
                    "collections": [list(s) for s in self.heap.gc.stats]},
        }
        return self.record

    def snapshot_now(self):
        return live_state(self)


def common_prefix(a, b):
    """The length of the longest common prefix of two tuples."""
    n = min(len(a), len(b))
    if a[:n] == b[:n]:
        return n
    lo, hi = 0, n          # a[:lo] == b[:lo], a[:hi] != b[:hi]
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid
    return lo


# An entry whose references keep a prefix this long or longer is stored as a patch.
PATCH_MIN = 8


def _patch(old, new):
    """(the delta form of ``new``, how many references it keeps from the start of ``old``'s):
    the whole entry, or, when its references keep long runs of ``old``'s at the start and
    the end, the entry with ``refs_keep`` (how many of the old references stay at the start),
    ``refs_keep_end`` (at the end) and only the references between them as ``refs``
    (docs/trace-format.md, "Delta"): a dict whose one value changed, or a list appended to,
    costs the change, not the container."""
    if old is None or "refs" not in new or "refs" not in old:
        return new, 0
    a, b = old["refs"], new["refs"]
    n = min(len(a), len(b))
    if len(a) < PATCH_MIN:
        return new, 0
    k = 0
    if n and a[n - 1] == b[n - 1] and a[:n] == b[:n]:
        k = n
    else:
        while k < n and a[k] == b[k]:
            k += 1
    m = 0
    la, lb = len(a), len(b)
    while m < n - k and a[la - 1 - m] == b[lb - 1 - m]:
        m += 1
    if k + m < PATCH_MIN:
        return new, k
    out = dict(new)
    out["refs_keep"] = k
    if m:
        out["refs_keep_end"] = m
    out["refs"] = b[k:lb - m]
    return out, k


def _reporting(handler, report):
    def reporting_handler(interp, f, ins):
        report(f, ins)
        return handler(interp, f, ins)
    return reporting_handler


def _size(obj):
    tp = obj.ob_type
    try:
        return tp.tp_sizeof(obj) + tp.preheader
    except (AttributeError, TypeError):     # half built: its size when it is shown
        return tp.basicsize + tp.preheader


def _mark_free_lists(events):
    """Mark the births that took a block no allocation of this step handed out (a free-list
    pop, or a shell reused) and the deaths whose block this step did not free (a free-list
    push)."""
    allocated = set()
    freed = set()
    for e in events:
        if e["k"] == "alloc":
            allocated.add(e["a"])
        elif e["k"] == "free":
            freed.add(e["a"])
    for e in events:
        k = e["k"]
        if k == "birth":
            if e["blk"] not in allocated:
                e["reused"] = True
        elif k == "death":
            if e["blk"] not in freed:
                e["kept"] = True

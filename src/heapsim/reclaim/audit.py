"""The heap audit (docs/architecture.md, "The audit"): refcounts, generation lists and
allocator blocks agree.

An audit finds every live object, then checks three things:

1. **Refcounts.**  Every live object's ``ob_refcnt`` equals the number of references other live
   objects hold to it (counted with ``tp_traverse``, one per reference, or with the type
   module's complete list where ``tp_traverse`` leaves some out, as ``dict_traverse`` leaves
   out str keys), plus the explicit
   roots, plus its *baseline*: the references the runtime held when the reclaim layer was
   installed (for the statically allocated objects, their initial 999999999 or 1).
2. **Generation lists.**  Each object in ``heap.gc.lists[g]`` has ``gc_gen == g`` and a
   positive refcount, every live GC object with ``gc_gen >= 0`` is in that list, and the
   collector's scratch lists and the dealloc stacks are empty.
3. **Blocks.**  Every block the allocator has handed out belongs to exactly one live object
   (``addr - preheader``), to a buffer a live object owns (``tp_buffers``), or to a dead shell
   parked on a free list; and no live object or buffer lies in a freed block.

Live objects are found from the static objects, the baseline, the roots and the generation
lists, following ``tp_traverse``.  Roots are what the host holds: each call of a root provider
(``add_root_provider``) returns an iterable of objects, an object appearing once per reference
held; ``gc.garbage`` and ``gc.callbacks`` are roots of the collector's own.

The audit reads the heap and changes nothing.  Its findings are a list of strings;
``check_heap`` raises ``AuditFailure`` when there are any.
"""

from heapsim.base.errors import AuditFailure
from heapsim.objects.core import TPFLAGS_HEAPTYPE, TPFLAGS_TYPE_SUBCLASS, UNTRACKED, PyObject
from heapsim.objects.dict_keys import KEYS_GENERAL
from heapsim.objects.dict_table import DictObject
from heapsim.objects.dictobject import dict_all_references
from heapsim.objects.gcstate import NUM_GENERATIONS, PERMANENT
from heapsim.objects.instanceobject import cached_keys_references

# Heap attributes that hold dead shells waiting for reuse: (attribute, nesting).  Nesting 0 is
# a single shell or None, 1 a host list of shells, 2 a host list of such lists.
FREE_LISTS = (
    ("float_freelist", 1),
    ("list_freelist", 1),
    ("dict_freelist", 1),
    ("dict_keys_freelist", 1),
    ("tuple_freelists", 2),
    ("slice_cache", 0),
)

MAX_FINDINGS = 50

# Fields holding a counted reference that the object's ``tp_traverse`` does not visit, as in
# CPython: ``module_traverse`` skips ``md_name``, ``descr_traverse`` skips ``d_name`` (by host
# class name of the object, so subclasses of the same layout are covered).
UNVISITED_FIELDS = {
    "ModuleObject": ("md_name",),
    "DescrObject": ("d_name",),
}


def _unvisited(fields):
    def refs(obj):
        out = list(obj.ob_type.tp_traverse(obj))
        for f in fields:
            v = getattr(obj, f, None)
            if v is not None:
                out.append(v)
        return out
    return refs


def _dict_subclass_refs(obj):
    """An instance of a dict subclass: its type's ``tp_traverse`` (``subtype_traverse`` over
    ``dict_traverse``) plus the str keys ``dict_traverse`` leaves out of a combined table."""
    out = list(obj.ob_type.tp_traverse(obj))
    dk = obj.ma_keys
    if dk.kind != KEYS_GENERAL and obj.ma_values is None:
        for k, v in zip(dk.ekeys, dk.evalues):
            if v is not None:
                out.append(k)
    return out


def reference_functions(heap):
    """type -> function(obj) listing every reference an object of that type holds.

    The table also maps host classes (``type(obj)``) whose objects hold references their
    ``tp_traverse`` leaves out (``UNVISITED_FIELDS``), and the other host classes to None
    (``tp_traverse`` lists them all).  A host class made later (a builtin's subclass layout,
    made by the first class statement that needs it) is added by ``references`` when first
    met."""
    table = {cls: _function_for(cls) for cls in _host_classes()}
    # ``dict_traverse`` skips the str keys of a str-keyed table: the type module lists them all.
    table[heap.dict_type] = dict_all_references
    return table


def _function_for(cls):
    """The reference function of host class cls, or None for its ``tp_traverse``."""
    fields = UNVISITED_FIELDS.get(cls.__name__)
    if fields is not None:
        return _unvisited(fields)
    if issubclass(cls, DictObject):
        return _dict_subclass_refs
    return None


def _host_classes():
    """Every host class of simulated objects loaded so far."""
    out = []
    stack = [PyObject]
    while stack:
        c = stack.pop()
        out.append(c)
        stack.extend(c.__subclasses__())
    return out


def references(obj, table):
    """Every reference ``obj`` holds (one entry per reference), for counting."""
    tp = obj.ob_type
    fn = table.get(tp)
    if fn is None:
        cls = type(obj)
        try:
            fn = table[cls]
        except KeyError:
            fn = table[cls] = _function_for(cls)
    refs = fn(obj) if fn is not None else tp.tp_traverse(obj)
    if tp.flags & TPFLAGS_TYPE_SUBCLASS and obj.flags & TPFLAGS_HEAPTYPE:
        # A heap type also holds its shared keys' names, which ``type_traverse`` leaves out.
        refs = list(refs) + list(cached_keys_references(obj))
    return refs


def compute_baseline(heap):
    """References held to each static object beyond those other objects hold (at install)."""
    refs = {}
    statics = heap.static_objects
    table = reference_functions(heap)
    for obj in statics:
        for r in references(obj, table):
            refs[r] = refs.get(r, 0) + 1
    return {obj: obj.ob_refcnt - refs.get(obj, 0) for obj in statics}


def _block_of(entry):
    """The block address of a free-list entry: a dead object shell or a buffer record."""
    if isinstance(entry, PyObject):
        return entry.addr - entry.ob_type.preheader
    return entry.addr


def free_list_entries(heap):
    """Every dead shell or buffer record parked on a free list."""
    for attr, nesting in FREE_LISTS:
        value = getattr(heap, attr)
        if value is None:
            continue
        if nesting == 0:
            yield value
        elif nesting == 1:
            yield from value
        else:
            for sub in value:
                yield from sub


def audit_heap(heap, roots=()):
    """Audit ``heap``; return a list of findings (empty when everything agrees)."""
    state = heap.reclaim
    gc = heap.gc
    findings = []

    def fail(message):
        if len(findings) < MAX_FINDINGS:
            findings.append(message)

    baseline = state.baseline
    static_set = set(heap.static_objects)
    root_counts = {}
    for obj in state.runtime_roots():
        root_counts[obj] = root_counts.get(obj, 0) + 1
    for provider in state.root_providers:
        for obj in provider():
            root_counts[obj] = root_counts.get(obj, 0) + 1
    for obj in roots:
        root_counts[obj] = root_counts.get(obj, 0) + 1

    # --- find the live objects and count the references between them -----------------------
    found = set()
    stack = []

    def reach(obj):
        if obj not in found:
            found.add(obj)
            stack.append(obj)

    for obj in heap.static_objects:
        reach(obj)
    for obj in root_counts:
        reach(obj)
    for lst in gc.lists:
        for obj in lst:
            reach(obj)
    refs = {}
    table = reference_functions(heap)
    while stack:
        obj = stack.pop()
        if obj.ob_refcnt <= 0:
            fail(f"dead object reachable: {obj!r}")
            continue
        for r in references(obj, table):
            refs[r] = refs.get(r, 0) + 1
            if r not in found:
                found.add(r)
                stack.append(r)

    # --- 1. refcounts ----------------------------------------------------------------------------
    for obj in found:
        expected = refs.get(obj, 0) + root_counts.get(obj, 0) + baseline.get(obj, 0)
        if obj.ob_refcnt != expected:
            fail(f"refcount of {obj!r} is {obj.ob_refcnt}, expected {expected} "
                 f"({refs.get(obj, 0)} from objects, {root_counts.get(obj, 0)} from roots, "
                 f"{baseline.get(obj, 0)} baseline)")

    # --- 2. generation lists ---------------------------------------------------------------------
    lists = gc.lists
    for g, lst in enumerate(lists):
        if g > PERMANENT and lst:
            fail(f"collector scratch list {g} holds {len(lst)} objects outside a collection")
        for obj in lst:
            if obj.gc_gen != g:
                fail(f"{obj!r} is in generation list {g} but its gc_gen is {obj.gc_gen}")
    for obj in found:
        if obj.ob_type.is_gc:
            g = getattr(obj, "gc_gen", UNTRACKED)
            if g != UNTRACKED and (g >= len(lists) or obj not in lists[g]):
                fail(f"{obj!r} says it is tracked in list {g} but is not there")
    if gc.collecting:
        fail("the collector is marked as collecting")
    if state.reclaimer.pending():
        fail(f"{state.reclaimer.pending()} deallocations are still pending")
    if sum(len(lists[g]) for g in range(NUM_GENERATIONS + 1)) and gc.count[0] < 0:
        fail("negative generation-0 count")

    # --- 3. blocks -------------------------------------------------------------------------------
    allocator = heap.allocator
    live_blocks = {addr for addr, _size in allocator.live_blocks()}
    owned = set()
    for obj in found:
        if obj in static_set:
            continue
        block = obj.addr - obj.ob_type.preheader
        if block in owned:
            fail(f"two objects claim the block at {block:#x} (one is {obj!r})")
        owned.add(block)
        if block not in live_blocks:
            fail(f"{obj!r} lies in a block the allocator does not have as allocated")
        for buf in obj.ob_type.tp_buffers(obj):
            owned.add(buf)
            if buf not in live_blocks:
                fail(f"buffer {buf:#x} of {obj!r} is not an allocated block")
    for entry in free_list_entries(heap):
        if isinstance(entry, PyObject) and entry in found:
            fail(f"free-list shell {entry!r} is also live")
        block = _block_of(entry)
        if block in owned:
            fail(f"free-list entry {entry!r} shares the block {block:#x}")
        owned.add(block)
        if block not in live_blocks:
            fail(f"free-list entry {entry!r} is not in an allocated block")
    for buf in state.extra_blocks():
        owned.add(buf)
    orphans = live_blocks - owned
    if orphans:
        sample = ", ".join(f"{a:#x}" for a in sorted(orphans)[:8])
        fail(f"{len(orphans)} allocated blocks belong to no live object: {sample}")
    check = getattr(allocator, "check", None)
    if check is not None:
        try:
            check()
        except AuditFailure as exc:
            fail(f"allocator check: {exc}")
    return findings


def check_heap(heap, roots=()):
    """Audit ``heap`` and raise ``AuditFailure`` listing the findings, if any."""
    findings = audit_heap(heap, roots)
    if findings:
        raise AuditFailure("heap audit failed:\n  " + "\n  ".join(findings))

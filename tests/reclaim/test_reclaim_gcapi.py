"""The gc library API (heapsim.reclaim.gcapi) against the host's gc module: arguments and
errors, settings, statistics, tracking of builtin objects, block counts through a collection,
and the audit running after collections."""

import pytest

from heapsim import reclaim
from heapsim.base.errors import AuditFailure, GuestError
from heapsim.objects import dictobject, listobject, setobject, tupleobject, unicodeobject
from heapsim.objects.instanceobject import instance_new, instance_setattr, new_heap_type
from heapsim.objects.longobject import new_int
from heapsim.reclaim import gcapi
from heapsim.runtime import build_heap
from reclaimkit import Sim, new_node, node_setattr, run_host


def host(lines):
    return run_host("import gc, json, sys\nout = []\n" + lines + "\nprint(json.dumps(out))")


@pytest.fixture
def sim():
    return Sim()


def test_invalid_generation_messages(sim):
    heap = sim.heap
    expected = host("""
for call in (lambda: gc.collect(3), lambda: gc.collect(-1), lambda: gc.get_objects(3),
             lambda: gc.get_objects(-2)):
    try:
        call()
    except ValueError as e:
        out.append(str(e))
""")
    got = []
    for call in (lambda: gcapi.collect(heap, 3), lambda: gcapi.collect(heap, -1),
                 lambda: gcapi.get_objects(heap, 3), lambda: gcapi.get_objects(heap, -2)):
        with pytest.raises(GuestError) as info:
            call()
        assert info.value.kind == "ValueError"
        got.append(info.value.message)
    assert got == expected
    assert gcapi.get_objects(heap, -1) == gcapi.get_objects(heap)   # -1 means "all" in C


def test_settings_round_trip(sim):
    heap = sim.heap
    expected = host("""
out.append(list(gc.get_threshold()))
gc.set_threshold(5); out.append(list(gc.get_threshold()))
gc.set_threshold(6, 7); out.append(list(gc.get_threshold()))
gc.set_threshold(8, 9, 10); out.append(list(gc.get_threshold()))
out.append(gc.isenabled()); gc.disable(); out.append(gc.isenabled()); gc.enable()
out.append(gc.get_debug()); gc.set_debug(gc.DEBUG_LEAK); out.append(gc.get_debug())
out.append([gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL,
            gc.DEBUG_LEAK])
""")
    got = [list(gcapi.get_threshold(heap))]
    gcapi.set_threshold(heap, 5)
    got.append(list(gcapi.get_threshold(heap)))
    gcapi.set_threshold(heap, 6, 7)
    got.append(list(gcapi.get_threshold(heap)))
    gcapi.set_threshold(heap, 8, 9, 10)
    got.append(list(gcapi.get_threshold(heap)))
    got.append(gcapi.isenabled(heap))
    gcapi.disable(heap)
    got.append(gcapi.isenabled(heap))
    gcapi.enable(heap)
    got.append(gcapi.get_debug(heap))
    gcapi.set_debug(heap, gcapi.DEBUG_LEAK)
    got.append(gcapi.get_debug(heap))
    got.append([gcapi.DEBUG_STATS, gcapi.DEBUG_COLLECTABLE, gcapi.DEBUG_UNCOLLECTABLE,
                gcapi.DEBUG_SAVEALL, gcapi.DEBUG_LEAK])
    assert got == expected


def test_stats_deltas(sim):
    heap = sim.heap
    expected = host("""
class N: pass
def run():
    gc.disable()
    gc.collect()
    before = gc.get_stats()
    a = N(); b = N(); a.o = b; b.o = a
    del a, b
    gc.collect(0)
    c = N(); c.s = c
    gc.collect(0)
    del c
    gc.collect(1)
    d = N(); d.s = d
    del d
    gc.collect()
    after = gc.get_stats()
    for x, y in zip(before, after):
        out.append([y[k] - x[k] for k in ('collections', 'collected', 'uncollectable')])
    gc.enable()
run()
""")
    tp = sim.types["N"]
    roots = sim.locals
    gcapi.collect(heap)
    before = gcapi.get_stats(heap)
    a = new_node(heap, tp, "a")
    b = new_node(heap, tp, "b")
    node_setattr(heap, a, "o", b)
    b.ob_refcnt += 1
    node_setattr(heap, b, "o", a)
    a.ob_refcnt += 1
    heap.decref(a)
    heap.decref(b)
    gcapi.collect(heap, 0)
    roots["c"] = c = new_node(heap, tp, "c")
    c.ob_refcnt += 1
    node_setattr(heap, c, "s", c)
    gcapi.collect(heap, 0)
    heap.decref(roots.pop("c"))
    gcapi.collect(heap, 1)
    d = new_node(heap, tp, "d")
    d.ob_refcnt += 1
    node_setattr(heap, d, "s", d)
    heap.decref(d)
    gcapi.collect(heap)
    after = gcapi.get_stats(heap)
    got = [[y[k] - x[k] for k in ("collections", "collected", "uncollectable")]
           for x, y in zip(before, after)]
    assert got == expected


def test_is_tracked_for_builtin_objects(sim):
    heap = sim.heap
    expected = host("""
def f():
    x = 1000
    return [gc.is_tracked(o) for o in (x, 'abc', (), tuple([x, x]), [], {}, {'a': x},
                                         {'a': []}, set(), frozenset(), int)]
out.extend(f())
""")
    key = unicodeobject.intern_string(heap, "a")
    x = new_int(heap, 1000)
    empty_list = listobject.list_new(heap, 0)
    objs = [
        x, unicodeobject.new_str(heap, "abc"), heap.empty_tuple,
        tupleobject.tuple_build(heap, [x, x]), listobject.list_new(heap, 0),
        dictobject.dict_new(heap), dictobject.dict_from_items(heap, [key], [x]),
        dictobject.dict_from_items(heap, [key], [empty_list]), setobject.set_new(heap),
        setobject.frozenset_new(heap),
    ]
    got = [gcapi.is_tracked(heap, o) for o in objs]
    got.append(gcapi.is_tracked(heap, heap.type_type))   # a static object: never tracked
    assert got == expected


def test_get_objects_by_generation(sim):
    heap = sim.heap
    tp = sim.types["N"]
    sim.locals["a"] = a = new_node(heap, tp, "a")
    gcapi.collect(heap, 0)
    sim.locals["b"] = b = new_node(heap, tp, "b")
    assert gcapi.get_objects(heap, 0)[-1] is b
    assert a in gcapi.get_objects(heap, 1) and a not in gcapi.get_objects(heap, 0)
    everything = gcapi.get_objects(heap)
    assert everything.index(b) < everything.index(a)
    assert b not in gcapi.get_objects(heap, exclude=b)


def test_collect_while_collecting_returns_zero(sim):
    heap = sim.heap
    collections = heap.gc.stats[2][0]
    heap.gc.collecting = True
    try:
        assert gcapi.collect(heap) == 0
        assert heap.gc.stats[2][0] == collections      # nothing ran
    finally:
        heap.gc.collecting = False
    gcapi.collect(heap)
    assert heap.gc.stats[2][0] == collections + 1


def test_freeze_moves_everything_and_zeroes_counts(sim):
    heap = sim.heap
    tp = sim.types["N"]
    nodes = [new_node(heap, tp, str(i)) for i in range(5)]
    sim.extra_roots.extend(nodes)
    gcapi.collect(heap, 0)
    nodes.append(new_node(heap, tp, "young"))
    sim.extra_roots.append(nodes[-1])
    tracked = sum(len(heap.gc.lists[g]) for g in range(3))
    gcapi.freeze(heap)
    assert gcapi.get_count(heap) == (0, 0, 0)
    assert gcapi.get_freeze_count(heap) == tracked
    assert gcapi.get_objects(heap) == []
    gcapi.unfreeze(heap)
    assert gcapi.get_freeze_count(heap) == 0
    # freeze merged generation 0 first, then 1, then 2; unfreeze appends that to generation 2
    gen2 = gcapi.get_objects(heap, 2)
    assert gen2.index(nodes[-1]) < gen2.index(nodes[0]) < gen2.index(nodes[4])


HOST_BLOCKS = """
class N: pass
def run():
    gc.disable()
    gc.collect()
    b0 = sys.getallocatedblocks()
    n = 1000
    while n:
        a = N(); b = N(); a.o = b; b.o = a
        n -= 1
    del a, b
    b1 = sys.getallocatedblocks()
    found = gc.collect()
    b2 = sys.getallocatedblocks()
    out.extend([b1 - b0, found, b2 - b0])
    gc.enable()
run()
"""


def test_allocated_blocks_through_a_collection():
    """Instances in cycles (object + values array each), collected: CPython's block deltas."""
    heap = build_heap(audit=True)
    gcapi.disable(heap)
    name = unicodeobject.intern_string(heap, "o")
    cls = new_heap_type(heap, "N")
    held = []
    reclaim.add_root_provider(heap, lambda: [name, cls, *held])
    gcapi.collect(heap)
    # The host keeps each measure in an int object made after the measure (b0, b1, found):
    # the simulation makes the same objects at the same points.  The host's block counts are
    # in the thousands, beyond the small-int cache, so each is a one-block int; so is 2000.
    blocks = heap.allocator.allocated_blocks
    measure = 1 << 20
    b0 = blocks()
    held.append(new_int(heap, measure))
    for _ in range(1000):
        a = instance_new(heap, cls)
        b = instance_new(heap, cls)
        instance_setattr(heap, a, name, b)
        instance_setattr(heap, b, name, a)
        heap.decref(a)
        heap.decref(b)
    b1 = blocks()
    held.append(new_int(heap, measure))
    found = gcapi.collect(heap)
    held.append(new_int(heap, found))
    b2 = blocks()
    assert [b1 - b0, found, b2 - b0] == host(HOST_BLOCKS)
    for obj in held:
        heap.decref(obj)


def test_audit_runs_after_each_collection(sim):
    heap = sim.heap
    runs = sim.state.audits_run
    gcapi.collect(heap)
    gcapi.collect(heap, 0)
    assert sim.state.audits_run == runs + 2


def test_audit_after_collection_catches_a_leak(sim):
    heap = sim.heap
    obj = new_node(heap, sim.types["N"], "leaked")
    obj.ob_refcnt += 1          # a reference nobody holds
    sim.locals["x"] = obj       # one root: the audit will see one reference too many
    with pytest.raises(AuditFailure, match="leaked"):
        gcapi.collect(heap)
    obj.ob_refcnt -= 1
    reclaim.audit(heap)


HOST_FREELISTS = r"""
import os, re
def stats():
    r, w = os.pipe()
    saved = os.dup(2); os.dup2(w, 2); os.close(w)
    sys._debugmallocstats()
    os.dup2(saved, 2); os.close(saved)
    data = b''
    while True:
        chunk = os.read(r, 65536)
        if not chunk:
            break
        data += chunk
    os.close(r)
    found = {name: int(n) for n, name in
             re.findall(r'(\d+) free Py(Float|Dict)Objects', data.decode())}
    return [found['Float'], found['Dict']]
def run():
    gc.disable(); gc.collect()
    f = [i + 0.5 for i in range(7)]
    d = [{} for i in range(3)]
    del f, d
    gc.collect(1)
    out.append(stats())
    gc.collect()
    out.append(stats())
run()
"""


def test_only_full_collections_clear_free_lists(sim):
    """Dead floats and dicts stay on their free lists through ``collect(1)`` and are freed by
    a full collection (``_debugmallocstats``'s free-list lines on the host)."""
    from heapsim.objects.floatobject import new_float
    heap = sim.heap
    gcapi.collect(heap)
    floats = [new_float(heap, i + 0.5) for i in range(7)]
    dicts = [dictobject.dict_new(heap) for _ in range(3)]
    for obj in floats + dicts:
        heap.decref(obj)
    gcapi.collect(heap, 1)
    got = [[len(heap.float_freelist), len(heap.dict_freelist)]]
    gcapi.collect(heap)
    got.append([len(heap.float_freelist), len(heap.dict_freelist)])
    assert got == host(HOST_FREELISTS)

"""The dealloc cascade: CPython's trashcan order, and freeing very deep structures without
touching the host's recursion limit."""

import sys

import pytest

from heapsim import reclaim
from heapsim.objects import dictobject, listobject, tupleobject, unicodeobject
from heapsim.objects.cellobject import cell_new
from heapsim.objects.core import TPFLAGS_HAVE_GC, UNTRACKED, GCObject, make_static_type
from heapsim.reclaim import gcapi
from reclaimkit import Sim, new_node, node_setattr, run_host

DEEP = 1_000_000


def chain_death_order_host(n):
    source = f"""
import json
log = []
class _F:
    def __del__(self):
        log.append(self.name)
def build():
    inner = None
    for i in reversed(range({n})):
        t = _F(); t.name = '%d' % i
        inner = [t, inner]
    return inner
x = build()
del x
print(json.dumps(log))
"""
    return run_host(source)


def chain_death_order_sim(n):
    sim = Sim()
    heap = sim.heap
    tp = sim.types["F"]
    inner = heap.none
    inner.ob_refcnt += 1
    for i in reversed(range(n)):
        t = new_node(heap, tp, str(i))
        inner = listobject.list_build(heap, [t, inner])
    heap.decref(inner)
    deaths = [entry[4:] for entry in sim.log]
    reclaim.audit(heap)
    return deaths


@pytest.mark.parametrize("n", [120, 49, 50, 51, 200])
def test_trashcan_death_order_of_list_chain(n):
    """``L_i = [T(i), L_{i+1}]``: the deaths come in trashcan order (48..0, 49, 97..50, 98,
    ... for 120 levels), which only an exact nesting count reproduces."""
    assert chain_death_order_sim(n) == chain_death_order_host(n)


def test_trashcan_order_is_not_plain_recursion():
    """The expected order really differs from a naive depth-first free (the test can fail)."""
    order = chain_death_order_sim(120)
    assert order[:3] == ["48", "47", "46"]
    assert order != [str(i) for i in range(119, -1, -1)]


def _fresh():
    sim = Sim()
    assert sys.getrecursionlimit() == 1000
    gcapi.disable(sim.heap)         # building the structures is not what is measured here
    return sim, sim.heap


def _live(heap, tp):
    """How many tracked objects of type ``tp`` there are."""
    return sum(1 for lst in heap.gc.lists for obj in lst if obj.ob_type is tp)


def test_free_million_deep_nested_lists():
    sim, heap = _fresh()
    blocks = heap.allocator.allocated_blocks()
    x = listobject.list_new(heap, 0)
    for _ in range(DEEP):
        x = listobject.list_build(heap, [x])
    assert heap.allocator.allocated_blocks() > blocks + DEEP
    heap.decref(x)
    # Every list shell and item array is freed or parked on the list free list.
    assert heap.allocator.allocated_blocks() - blocks == len(heap.list_freelist)
    assert sim.state.reclaimer.pending() == 0 and sim.state.reclaimer.nesting == 0
    reclaim.audit(heap)


def test_free_million_deep_nested_tuples():
    sim, heap = _fresh()
    t = heap.empty_tuple
    t.ob_refcnt += 1
    for _ in range(DEEP):
        t = tupleobject.tuple_build(heap, [t])
    assert _live(heap, heap.tuple_type) == DEEP
    heap.decref(t)
    assert _live(heap, heap.tuple_type) == 0
    reclaim.audit(heap)


def test_free_million_deep_nested_dicts():
    sim, heap = _fresh()
    key = unicodeobject.intern_string(heap, "d")
    d = dictobject.dict_new(heap)
    for _ in range(DEEP):
        outer = dictobject.dict_from_items(heap, [key], [d])
        heap.decref(d)
        d = outer
    heap.decref(d)
    heap.decref(key)
    assert _live(heap, heap.dict_type) == 0
    reclaim.audit(heap)


def test_free_million_long_instance_chain():
    """A linked list of instances (``n.next = o``): subtype_dealloc participates."""
    sim, heap = _fresh()
    tp = sim.types["N"]
    head = None
    for _ in range(DEEP):
        n = new_node(heap, tp, "n")
        if head is not None:
            node_setattr(heap, n, "next", head)
        head = n
    assert _live(heap, tp) == DEEP
    heap.decref(head)
    assert _live(heap, tp) == 0
    reclaim.audit(heap)


# A GC container that does not participate in the trashcan (like cells, functions, methods):
# CPython would recurse in C for each level.
class Box(GCObject):
    __slots__ = ("item",)


def _box_traverse(obj):
    return () if obj.item is None else (obj.item,)


def _box_dealloc(heap, obj):
    heap.gc.untrack(obj)
    item = obj.item
    obj.item = None
    if item is not None:
        heap.decref(item)
    heap.gc_del(obj)


def _box_type(heap):
    tp = make_static_type("Box", 24, 0, TPFLAGS_HAVE_GC, base=heap.object_type,
                          dealloc=_box_dealloc, traverse=_box_traverse)
    heap.register_static_type(tp)
    heap.reclaim.baseline[tp] = tp.ob_refcnt
    return tp


def _box(heap, tp, item):
    b = Box.__new__(Box)
    b.ob_refcnt = 1
    b.ob_type = tp
    b.addr = heap.gc_alloc(tp, 24)
    b.gc_gen = UNTRACKED
    b.gc_refs = 0
    b.gc_flags = 0
    b.item = item
    heap.gc.track(b)
    return b


def test_non_participating_chain_does_not_overflow_the_host_stack():
    sim, heap = _fresh()
    tp = _box_type(heap)
    order = []
    tp.tp_dealloc = lambda heap, obj: (order.append(obj.addr), _box_dealloc(heap, obj))
    x = None
    made = []
    for _ in range(DEEP // 4):
        x = _box(heap, tp, x)
        made.append(x.addr)
    heap.decref(x)
    assert len(order) == len(made)
    # Below the guard's depth the order is plain recursion: outermost first.
    assert order[:100] == made[::-1][:100]
    reclaim.audit(heap)


def test_cells_chain_and_mixed_chain():
    """Cells (non-participating) alternating with lists (participating)."""
    sim, heap = _fresh()
    x = heap.none
    x.ob_refcnt += 1
    for i in range(200_000):
        if i % 2:
            x = listobject.list_build(heap, [x])
        else:
            c = cell_new(heap, x)
            heap.decref(x)
            x = c
    assert _live(heap, heap.cell_type) == 100_000
    heap.decref(x)
    assert _live(heap, heap.cell_type) == 0
    reclaim.audit(heap)


def test_collection_of_a_deep_cycle_frees_everything():
    """delete_garbage's tp_clear starts a deep cascade: the trashcan keeps it bounded."""
    sim, heap = _fresh()
    first = listobject.list_new(heap, 0)
    x = first
    x.ob_refcnt += 1
    for _ in range(200_000):
        x = listobject.list_build(heap, [x])
    listobject.list_append(heap, first, x)
    heap.decref(x)
    heap.decref(first)
    assert gcapi.collect(heap) == 200_001
    reclaim.audit(heap)

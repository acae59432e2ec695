"""The heap audit finds nothing on a consistent heap and each kind of inconsistency on a broken
one."""

import pytest

from heapsim import reclaim
from heapsim.base.errors import AuditFailure
from heapsim.objects import listobject, tupleobject
from heapsim.objects.longobject import new_int
from heapsim.reclaim.audit import audit_heap
from reclaimkit import Sim, new_node, node_setattr


@pytest.fixture
def sim():
    s = Sim()
    heap = s.heap
    a = new_node(heap, s.types["N"], "a")
    b = new_node(heap, s.types["F"], "b")
    node_setattr(heap, a, "x", b)
    s.locals["a"] = a
    lst = listobject.list_new(heap, 0)
    listobject.list_append(heap, lst, a)
    s.locals["lst"] = lst
    s.locals["t"] = tupleobject.tuple_build(heap, [new_int(heap, 5000)])
    return s


def test_consistent_heap_has_no_findings(sim):
    assert audit_heap(sim.heap) == []
    reclaim.audit(sim.heap)


def test_refcount_too_high(sim):
    sim.locals["a"].ob_refcnt += 1
    findings = audit_heap(sim.heap)
    assert len(findings) == 1 and "'a'" in findings[0] and "is 3, expected 2" in findings[0]
    with pytest.raises(AuditFailure):
        reclaim.audit(sim.heap)


def test_refcount_too_low(sim):
    b = sim.locals["a"].vals[0]
    b.ob_refcnt -= 1
    findings = audit_heap(sim.heap)
    assert any("'b'" in f and "is 0" in f for f in findings)


def test_non_gc_refcount_checked_too(sim):
    """A leaked reference to an int held by a tuple."""
    t = sim.locals["t"]
    t.items[0].ob_refcnt += 1
    assert any("sim int" in f for f in audit_heap(sim.heap))


def test_orphan_block(sim):
    sim.heap.malloc(48)
    findings = audit_heap(sim.heap)
    assert len(findings) == 1 and "belong to no live object" in findings[0]


def test_object_in_a_freed_block(sim):
    heap = sim.heap
    a = sim.locals["a"]
    heap.free(a.addr - a.ob_type.preheader)
    findings = audit_heap(heap)
    assert any("does not have as allocated" in f for f in findings)


def test_generation_list_mismatch(sim):
    a = sim.locals["a"]
    a.gc_gen = 1                         # says generation 1, sits in generation 0's list
    findings = audit_heap(sim.heap)
    assert any("gc_gen is 1" in f for f in findings)
    assert any("not there" in f for f in findings)


def test_tracked_flag_without_list(sim):
    a = sim.locals["a"]
    del sim.heap.gc.lists[0][a]
    assert any("not there" in f for f in audit_heap(sim.heap))


def test_scratch_list_must_be_empty_between_collections(sim):
    heap = sim.heap
    a = sim.locals["a"]
    del heap.gc.lists[0][a]
    heap.gc.lists[5][a] = None
    a.gc_gen = 5
    assert any("scratch list 5" in f for f in audit_heap(heap))


def test_pending_deallocations(sim):
    sim.state.reclaimer.trash_later.append(sim.locals["t"])
    assert any("pending" in f for f in audit_heap(sim.heap))


def test_live_free_list_shell(sim):
    heap = sim.heap
    lst = sim.locals["lst"]
    heap.list_freelist.append(lst)
    findings = audit_heap(heap)
    assert any("also live" in f for f in findings)


def test_dead_object_reachable(sim):
    b = sim.locals["a"].vals[0]
    b.ob_refcnt = 0
    assert any("dead object reachable" in f for f in audit_heap(sim.heap))


def test_roots_argument(sim):
    heap = sim.heap
    extra = new_node(heap, sim.types["N"], "extra")
    assert any("'extra'" in f for f in audit_heap(heap))
    assert audit_heap(heap, roots=[extra]) == []
    heap.decref(extra)

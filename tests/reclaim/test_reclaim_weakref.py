"""Weak reference objects and the weakref library API, against the host's weakref module."""

import sys

import pytest

from heapsim import reclaim
from heapsim.base.errors import GuestError
from heapsim.objects import (
    bytesobject, dictobject, floatobject, listobject, setobject, tupleobject, unicodeobject,
)
from heapsim.objects import weakrefobject as wro
from heapsim.objects.core import getsizeof
from heapsim.objects.instanceobject import instance_new, new_heap_type
from heapsim.objects.longobject import new_int
from heapsim.reclaim import weakrefs
from reclaimkit import Sim, new_node, run_host


@pytest.fixture
def sim():
    return Sim()


def host(expr_lines):
    return run_host("import json, weakref, sys\nclass C: pass\nout = []\n" + expr_lines
                    + "\nprint(json.dumps(out))")


def test_sizes_of_ref_and_proxy(sim):
    heap = sim.heap
    obj = new_node(heap, sim.types["N"], "o")
    r = weakrefs.ref(heap, obj)
    p = weakrefs.proxy(heap, obj)
    expected = host("c = C(); out.append(sys.getsizeof(weakref.ref(c)));"
                    " out.append(sys.getsizeof(weakref.proxy(c)))")
    assert [getsizeof(r), getsizeof(p)] == expected
    for o in (p, r, obj):
        heap.decref(o)
    reclaim.audit(heap)


def _builtin_objects(heap):
    """Simulated counterparts of the host expressions below, in the same order."""
    return [
        new_int(heap, 1000), unicodeobject.new_str(heap, "abc"),
        tupleobject.tuple_build(heap, [new_int(heap, 1)]), listobject.list_new(heap, 0),
        dictobject.dict_new(heap), floatobject.new_float(heap, 1.5), heap.none,
        bytesobject.new_bytes(heap, b"xy"), setobject.set_new(heap),
        setobject.frozenset_new(heap),
    ]


HOST_OBJECTS = "[1000, 'abc', (1,), [], {}, 1.5, None, b'xy', set(), frozenset()]"


def test_which_builtin_types_refuse_weak_references(sim):
    heap = sim.heap
    expected = host(f"""
for o in {HOST_OBJECTS}:
    try:
        weakref.ref(o)
        out.append('ok')
    except TypeError as e:
        out.append(str(e))
""")
    got = []
    for obj in _builtin_objects(heap):
        if obj is heap.none:
            obj.ob_refcnt += 1
        try:
            r = weakrefs.ref(heap, obj)
        except GuestError as exc:
            assert exc.kind == "TypeError"
            got.append(exc.message)
        else:
            got.append("ok")
            heap.decref(r)
        heap.decref(obj)
    assert got == expected
    reclaim.audit(heap)


def test_weakref_to_a_weakref_is_refused(sim):
    heap = sim.heap
    obj = new_node(heap, sim.types["N"], "o")
    r = weakrefs.ref(heap, obj)
    expected = host("""
r = weakref.ref(C())
try:
    weakref.ref(r)
except TypeError as e:
    out.append(str(e))
p = weakref.proxy(C())
try:
    weakref.ref(p)
except TypeError as e:
    out.append(str(e))
""")
    p = weakrefs.proxy(heap, obj)
    got = []
    for w in (r, p):
        with pytest.raises(GuestError) as info:
            weakrefs.ref(heap, w)
        got.append(info.value.message)
    assert got == expected
    for o in (p, r, obj):
        heap.decref(o)


def test_instances_of_python_classes_are_weakly_referenceable(sim):
    heap = sim.heap
    cls = new_heap_type(heap, "C")
    slotted = new_heap_type(heap, "S", slots=("a",))
    weak_slotted = new_heap_type(heap, "W", slots=("a", "__weakref__"))
    expected = host("""
class S: __slots__ = ('a',)
class W: __slots__ = ('a', '__weakref__')
for k in (C, S, W):
    try:
        weakref.ref(k()); out.append('ok')
    except TypeError as e:
        out.append(str(e))
""")
    got = []
    for k in (cls, slotted, weak_slotted):
        obj = instance_new(heap, k)
        try:
            r = weakrefs.ref(heap, obj)
        except GuestError as exc:
            got.append(exc.message)
        else:
            got.append("ok")
            heap.decref(r)
        heap.decref(obj)
    assert got == expected


def test_weakref_list_order(sim):
    """Shared callback-less ref at the head, then the proxy, then callback refs newest first."""
    heap = sim.heap
    expected = host("""
c = C()
cbs = [lambda r: 0 for i in range(3)]
w1 = weakref.ref(c, cbs[0])
p = weakref.proxy(c)
w2 = weakref.ref(c, cbs[1])
r = weakref.ref(c)
w3 = weakref.ref(c, cbs[2])
r2 = weakref.ref(c)
out.append(r is r2)
names = {id(w1): 'w1', id(p): 'p', id(w2): 'w2', id(r): 'r', id(w3): 'w3'}
out.append([names[id(w)] for w in weakref.getweakrefs(c)])
out.append(weakref.getweakrefcount(c))
""")
    obj = new_node(heap, sim.types["N"], "o")
    cbs = [new_node(heap, sim.types["CB"], str(i)) for i in range(3)]
    w1 = weakrefs.ref(heap, obj, cbs[0])
    p = weakrefs.proxy(heap, obj)
    w2 = weakrefs.ref(heap, obj, cbs[1])
    r = weakrefs.ref(heap, obj)
    w3 = weakrefs.ref(heap, obj, cbs[2])
    r2 = weakrefs.ref(heap, obj)
    names = {id(w1): "w1", id(p): "p", id(w2): "w2", id(r): "r", id(w3): "w3"}
    got = [r is r2, [names[id(w)] for w in weakrefs.getweakrefs(heap, obj)],
           weakrefs.getweakrefcount(heap, obj)]
    assert got == expected
    for o in (r2, w3, r, w2, p, w1, obj, *cbs):
        heap.decref(o)
    reclaim.audit(heap)


def test_deref_and_death(sim):
    heap = sim.heap
    obj = new_node(heap, sim.types["N"], "o")
    r = weakrefs.ref(heap, obj)
    got = weakrefs.deref(heap, r)
    assert got is obj and obj.ob_refcnt == 2
    heap.decref(got)
    heap.decref(obj)
    dead = weakrefs.deref(heap, r)
    assert dead is heap.none
    heap.decref(dead)
    assert weakrefs.getweakrefcount(heap, heap.none) == 0
    heap.decref(r)
    reclaim.audit(heap)


def test_hash_of_weakref(sim):
    heap = sim.heap
    # A frozenset is weakly referenceable and hashes by value.
    fs = setobject.frozenset_new(heap)
    r = weakrefs.ref(heap, fs)
    expected = host("""
f = frozenset()
r = weakref.ref(f)
out.append(hash(r) == hash(f))
del f
try:
    hash(weakref.ref(C()))
except TypeError as e:
    out.append(str(e))
""")
    got = [r.ob_type.tp_hash(heap, r) == fs.ob_type.tp_hash(heap, fs)]
    obj = new_node(heap, sim.types["N"], "o")
    r2 = weakrefs.ref(heap, obj)
    heap.decref(obj)
    with pytest.raises(GuestError) as info:
        r2.ob_type.tp_hash(heap, r2)
    got.append(info.value.message)
    assert got == expected
    for o in (r2, r, fs):
        heap.decref(o)


def test_weakref_callback_receives_dead_weakref_after_del(sim):
    """subtype_dealloc order: __del__ first, then the callbacks, with r() already None."""
    heap = sim.heap
    obj = new_node(heap, sim.types["F"], "a")
    cb = new_node(heap, sim.types["CB"], "k")
    r = weakrefs.ref(heap, obj, cb)
    heap.decref(cb)
    heap.decref(obj)
    assert sim.log == ["del:a", "cb:k:dead"]
    assert r.wr_callback is None and r.wr_object is heap.none
    heap.decref(r)
    reclaim.audit(heap)


def test_clear_weakrefs_hook_is_installed(sim):
    heap = sim.heap
    assert heap.clear_weakrefs is not None
    obj = new_node(heap, sim.types["N"], "a")
    r = weakrefs.ref(heap, obj)
    assert obj.weaklist is r
    heap.decref(obj)
    assert r.wr_object is heap.none and obj.weaklist is None
    heap.decref(r)


def test_ref_without_callback_none_means_no_callback(sim):
    heap = sim.heap
    obj = new_node(heap, sim.types["N"], "a")
    r1 = wro.ref_new(heap, obj, heap.none)
    r2 = wro.new_ref(heap, obj)
    assert r1 is r2 and r1.wr_callback is None
    heap.decref(r1)
    heap.decref(r2)
    heap.decref(obj)


def test_proxy_of_callable_uses_callable_proxy_type(sim):
    heap = sim.heap
    obj = new_node(heap, sim.types["CB"], "f")
    p = weakrefs.proxy(heap, obj, is_callable=True)
    assert p.ob_type is heap.weakcallableproxy_type
    expected = host("p = weakref.proxy(lambda: 0); out.append(type(p).__name__)")
    assert [p.ob_type.name] == expected
    heap.decref(p)
    heap.decref(obj)


def test_gc_of_weakref_list_on_sys_getrefcount_semantics(sim):
    """A weakref holds no reference to its referent; the callback is held."""
    heap = sim.heap
    obj = new_node(heap, sim.types["N"], "a")
    cb = new_node(heap, sim.types["CB"], "k")
    before = (obj.ob_refcnt, cb.ob_refcnt)
    r = weakrefs.ref(heap, obj, cb)
    assert (obj.ob_refcnt, cb.ob_refcnt) == (before[0], before[1] + 1)
    heap.decref(r)
    assert cb.ob_refcnt == before[1]
    heap.decref(cb)
    heap.decref(obj)
    assert sim.log == []
    reclaim.audit(heap)


def test_recursion_limit_untouched():
    assert sys.getrecursionlimit() == 1000

"""``subtype_dealloc`` on real instances of classes (instanceobject's layouts): the order in
which a dying instance runs its finalizer, clears weakrefs, clears ``__slots__`` and releases
its attributes, checked against the host; and instances in collected cycles."""

import pytest

from heapsim import reclaim
from heapsim.objects import listobject, unicodeobject
from heapsim.objects.instanceobject import (
    instance_get_dict, instance_new, instance_set_slot, instance_setattr, instance_slot_index,
    new_heap_type,
)
from heapsim.reclaim import gcapi, weakrefs
from reclaimkit import Sim, new_node, run_host

HOST_PRELUDE = """
import gc, json, weakref
log = []
class T:
    def __del__(self):
        log.append('del:' + self.name)
def t(name):
    o = T(); o.name = name; return o
"""


def host(body):
    return run_host(HOST_PRELUDE + body + "\nprint(json.dumps(log))")


class World:
    """A Sim plus helpers to make classes and instances of them."""

    def __init__(self):
        self.sim = Sim()
        self.heap = self.sim.heap
        self.log = self.sim.log
        self.keep = []
        reclaim.add_root_provider(self.heap, lambda: list(self.keep))

    def name(self, text):
        obj = unicodeobject.intern_string(self.heap, text)
        self.keep.append(obj)
        return obj

    def cls(self, name, slots=None, base=None, finalizer=False):
        tp = new_heap_type(self.heap, name, slots=slots, base=base)
        self.keep.append(tp)
        if finalizer:
            log = self.log

            def finalize(heap, obj):
                log.append("del:" + obj.ob_type.name)
            tp.tp_finalize = finalize
        return tp

    def t(self, name):
        return new_node(self.heap, self.sim.types["F"], name)

    def setattr(self, obj, attr, value):
        """``obj.attr = value`` for a new reference ``value`` (given away)."""
        heap = self.heap
        index = instance_slot_index(obj.ob_type, attr)
        if index >= 0:
            instance_set_slot(heap, obj, index, value)
        else:
            instance_setattr(heap, obj, self.name(attr), value)
        heap.decref(value)


@pytest.fixture
def world():
    return World()


def test_slots_then_values_release_order(world):
    expected = host("""
class S:
    __slots__ = ('b', 'a', 'c')
class D: pass
def run():
    s = S(); s.b = t('b'); s.c = t('c'); s.a = t('a')
    del s
    d = D(); d.z = t('z'); d.y = t('y'); d.x = t('x')
    del d
run()
""")
    heap = world.heap
    s_cls = world.cls("S", slots=("b", "a", "c"))
    d_cls = world.cls("D")
    s = instance_new(heap, s_cls)
    for attr in "bca":
        world.setattr(s, attr, world.t(attr))
    heap.decref(s)
    d = instance_new(heap, d_cls)
    for attr in "zyx":
        world.setattr(d, attr, world.t(attr))
    heap.decref(d)
    assert world.log == expected
    reclaim.audit(heap)


def test_subclass_slots_cleared_most_derived_first(world):
    expected = host("""
class B:
    __slots__ = ('x', 'w')
class C(B):
    __slots__ = ('y', 'v')
def run():
    o = C(); o.w = t('w'); o.x = t('x'); o.y = t('y'); o.v = t('v')
run()
""")
    heap = world.heap
    b_cls = world.cls("B", slots=("x", "w"))
    c_cls = world.cls("C", slots=("y", "v"), base=b_cls)
    o = instance_new(heap, c_cls)
    for attr in "wxyv":
        world.setattr(o, attr, world.t(attr))
    heap.decref(o)
    assert world.log == expected


def test_shared_key_order_not_insertion_order(world):
    """Values are released in the class's shared-key order."""
    expected = host("""
class D: pass
def run():
    first = D(); first.p = 1; first.q = 2
    d = D(); d.q = t('q'); d.p = t('p')
    del d
run()
""")
    heap = world.heap
    d_cls = world.cls("D")
    first = instance_new(heap, d_cls)
    world.keep.append(first)
    for attr in "pq":
        world.setattr(first, attr, world.t("unused-" + attr))
    world.log.clear()
    d = instance_new(heap, d_cls)
    world.setattr(d, "q", world.t("q"))
    world.setattr(d, "p", world.t("p"))
    heap.decref(d)
    assert world.log == expected


def test_materialised_dict_releases_in_insertion_order(world):
    expected = host("""
class D: pass
def run():
    first = D(); first.p = 1; first.q = 2
    d = D(); d.q = t('q'); d.p = t('p')
    d.__dict__
    del d
run()
""")
    heap = world.heap
    d_cls = world.cls("D")
    first = instance_new(heap, d_cls)
    world.keep.append(first)
    for attr in "pq":
        world.setattr(first, attr, world.t("unused-" + attr))
    world.log.clear()
    d = instance_new(heap, d_cls)
    world.setattr(d, "q", world.t("q"))
    world.setattr(d, "p", world.t("p"))
    instance_get_dict(heap, d)
    heap.decref(d)
    assert world.log == expected


def test_del_then_weakref_callbacks_then_attributes(world):
    """subtype_dealloc's order: __del__, weakref callbacks (referent gone), attributes."""
    expected = host("""
class K:
    def __del__(self):
        log.append('del:K')
def run():
    k = K(); k.a = t('a')
    r = weakref.ref(k, lambda r: log.append('cb:' + str(r() is None)))
    del k
    log.append('end')
run()
""")
    heap = world.heap
    k_cls = world.cls("K", finalizer=True)
    k = instance_new(heap, k_cls)
    world.setattr(k, "a", world.t("a"))
    cb = new_node(heap, world.sim.types["CB"], "x")
    r = weakrefs.ref(heap, k, cb)
    heap.decref(cb)
    heap.decref(k)
    world.log.append("end")
    log = ["cb:True" if e == "cb:x:dead" else e for e in world.log]
    assert log == expected
    heap.decref(r)
    reclaim.audit(heap)


def test_resurrection_at_refcount_zero_keeps_object_and_attributes(world):
    expected = host("""
saved = []
class K:
    def __del__(self):
        log.append('del:K')
        saved.append(self)
def run():
    k = K(); k.a = t('a')
    del k
    log.append('resurrected')
    saved.clear()
    log.append('end')
run()
""")
    heap = world.heap
    k_cls = world.cls("K")
    saved = listobject.list_new(heap, 0)
    world.keep.append(saved)

    def finalize(heap, obj):
        world.log.append("del:K")
        listobject.list_append(heap, saved, obj)
    k_cls.tp_finalize = finalize
    k = instance_new(heap, k_cls)
    world.setattr(k, "a", world.t("a"))
    heap.decref(k)
    world.log.append("resurrected")
    assert gcapi.is_tracked(heap, saved.items[0])
    listobject.list_clear(heap, saved)
    world.log.append("end")
    assert world.log == expected
    reclaim.audit(heap)


def test_instances_in_a_cycle_with_finalizers(world):
    expected = host("""
class K:
    def __del__(self):
        log.append('del:' + self.name)
def run():
    a = K(); a.name = 'a'; b = K(); b.name = 'b'; c = K(); c.name = 'c'
    a.n = b; b.n = c; c.n = a
    c.t = t('t')
    del a, b, c
    log.append('collect:' + '%d' % gc.collect())
gc.collect()
run()
""")
    heap = world.heap
    k_cls = world.cls("K")
    log = world.log
    names = {}

    def finalize(heap, obj):
        log.append("del:" + names[obj])
    k_cls.tp_finalize = finalize
    a, b, c = (instance_new(heap, k_cls) for _ in range(3))
    names.update({a: "a", b: "b", c: "c"})
    world.setattr(a, "n", _ref(b))
    world.setattr(b, "n", _ref(c))
    world.setattr(c, "n", _ref(a))
    world.setattr(c, "t", world.t("t"))
    for obj in (a, b, c):
        heap.decref(obj)
    log.append("collect:%d" % gcapi.collect(heap))
    assert log == expected


def _ref(obj):
    obj.ob_refcnt += 1
    return obj


def test_trashcan_order_with_real_instances_and_lists(world):
    """The 120-level ``[T(i), L]`` chain of docs/cpython-facts.md §7, T being instances with
    __del__."""
    expected = host("""
class U:
    def __del__(self):
        log.append(self.n)
def run():
    inner = None
    for i in reversed(range(120)):
        u = U(); u.n = '%d' % i
        inner = [u, inner]
    del u
    return inner
x = run()
del x
""")
    heap = world.heap
    u_cls = world.cls("U")
    names = {}
    log = world.log

    def finalize(heap, obj):
        log.append(names[obj])
    u_cls.tp_finalize = finalize
    inner = heap.none
    inner.ob_refcnt += 1
    for i in reversed(range(120)):
        u = instance_new(heap, u_cls)
        names[u] = str(i)
        inner = listobject.list_build(heap, [u, inner])
    heap.decref(inner)
    assert log == expected
    reclaim.audit(heap)

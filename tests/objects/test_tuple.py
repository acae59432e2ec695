"""tuple: sizes, the empty singleton, per-size free lists and their 3.11 quirk, hash, untracking.

Expected figures come from the host interpreter: sizes and hashes in this process, identity,
release order and collector behaviour from small host programs in a subprocess (collector
disabled, free lists emptied by ``gc.collect()`` first, numbers printed at the end).
"""

import sys

import hostrun
import pytest

from heapsim.base.errors import GuestError, SimulatorBug
from heapsim.objects import core
from heapsim.objects.listobject import list_build, list_new
from heapsim.objects.longobject import new_int
from heapsim.objects.tupleobject import (
    TupleObject, tuple_build, tuple_clear_freelists, tuple_concat, tuple_eq, tuple_from_iterable,
    tuple_from_list, tuple_getitem, tuple_hash, tuple_item_new_ref, tuple_maybe_untrack,
    tuple_new, tuple_pack, tuple_repeat, tuple_resize, tuple_setitem, tuple_slice,
    tuple_subscript_slice, tuple_tp_hash, tuple_traverse,
)
from heapsim.objects.unicodeobject import new_str

getsizeof = core.getsizeof


def host(code):
    """Run ``code`` under the host interpreter; it prints one Python literal, returned here."""
    return hostrun.run_host(code, parse="literal")


def ints(heap, values):
    return [new_int(heap, v) for v in values]


def values(t):
    return tuple(item.value for item in t.items)


# --- sizes --------------------------------------------------------------------------------------

@pytest.mark.parametrize("n", range(31))
def test_sizes_by_every_constructor(heap, n):
    expected = sys.getsizeof(tuple(range(n)))
    t = tuple_new(heap, n)
    for i, obj in enumerate(ints(heap, range(n))):
        tuple_setitem(heap, t, i, obj)
    assert getsizeof(t) == expected
    assert getsizeof(tuple_pack(heap, *t.items)) == expected
    assert getsizeof(tuple_build(heap, ints(heap, range(n)))) == expected
    assert getsizeof(tuple_from_list(heap, list_build(heap, ints(heap, range(n))))) == expected
    assert getsizeof(tuple_from_iterable(heap, iter(ints(heap, range(n))))) == \
        sys.getsizeof(tuple(x for x in range(n)))


def test_concat_repeat_slice_sizes_and_identity(heap):
    for n in (0, 1, 2, 5):
        h = tuple(range(n))
        t = tuple_build(heap, ints(heap, range(n)))
        e = tuple_new(heap, 0)
        for k in (0, 1, 2, 3):
            r = tuple_repeat(heap, t, k)
            assert getsizeof(r) == sys.getsizeof(h * k)
            assert (r is t) == ((h * k) is h)
        c = tuple_concat(heap, t, t)
        assert getsizeof(c) == sys.getsizeof(h + h) and values(c) == h + h
        assert (tuple_concat(heap, e, t) is t) == ((() + h) is h)
        assert (tuple_concat(heap, t, e) is t) == ((h + ()) is h)
        assert (tuple_slice(heap, t, 0, n) is t) == (h[0:n] is h)
        assert values(tuple_slice(heap, t, 1, 3)) == h[1:3]
        for sl in ((None, None, -1), (1, None, 2), (None, None, None), (4, 0, -2)):
            s = slice(*sl)
            start, stop, step = s.indices(n)
            length = len(range(start, stop, step))
            res = tuple_subscript_slice(heap, t, start, stop, step, length)
            assert values(res) == h[s] and (res is t) == (h[s] is h)
            assert getsizeof(res) == sys.getsizeof(h[s])


def test_concat_type_error_message(heap):
    t = tuple_new(heap, 0)
    lst = list_new(heap, 0)
    with pytest.raises(GuestError) as info:
        tuple_concat(heap, t, lst)
    with pytest.raises(TypeError) as host_info:
        () + []
    assert info.value.message == str(host_info.value)


# --- the empty tuple --------------------------------------------------------------------------------

def test_empty_tuple_is_a_static_untracked_singleton(heap):
    empty = heap.empty_tuple
    rc = empty.ob_refcnt
    assert rc == heap.objcfg.static_refcnt
    for make in (lambda: tuple_new(heap, 0), lambda: tuple_pack(heap),
                 lambda: tuple_build(heap, []), lambda: tuple_from_list(heap, list_new(heap, 0)),
                 lambda: tuple_from_iterable(heap, iter(()))):
        assert make() is empty
    assert empty.ob_refcnt == rc + 5
    assert getsizeof(empty) == sys.getsizeof(())
    host_tracked = host("import gc; print(gc.is_tracked(()))")
    assert heap.gc.is_tracked(empty) == host_tracked
    blocks = heap.allocator.allocated_blocks()
    heap.decref(empty)
    assert heap.allocator.allocated_blocks() == blocks


# --- free lists ------------------------------------------------------------------------------------

FREELIST_PROBE = """
    import gc
    gc.disable(); gc.collect()
    def f():
        out = {}
        a, b, c = int('1001'), int('1002'), int('1003')
        t = (a, b, c); i = id(t); del t
        u = (c, b, a); out['3 reuses 3'] = id(u) == i
        t2 = (a, b); i2 = id(t2); del t2
        v = (a, b, c, a); out['4 takes 2'] = id(v) == i2
        w = (b, a); out['2 takes 2'] = id(w) == i2
        ts = [(a, b, c), (a, b, c), (a, b, c)]
        ids = [id(x) for x in ts]
        del ts
        news = [(a, a, a), (b, b, b), (c, c, c)]
        out['lifo'] = [ids.index(id(x)) if id(x) in ids else -1 for x in news]
        ts20 = [tuple(range(20)) for _ in range(5)]
        ids20 = [id(x) for x in ts20]
        del ts20
        out['20 reused'] = id(tuple(range(20))) in ids20
        ts19 = [tuple(range(19)) for _ in range(5)]
        ids19 = [id(x) for x in ts19]
        del ts19
        n19 = tuple(range(19))
        out['19 reused'] = [ids19.index(id(n19)) if id(n19) in ids19 else -1]
        return out
    print(f())
"""


def test_free_list_reuse_matches_host(heap):
    expected = host(FREELIST_PROBE)
    out = {}
    a, b, c = ints(heap, [1001, 1002, 1003])
    t = tuple_pack(heap, a, b, c)
    i = t.addr
    heap.decref(t)
    out['3 reuses 3'] = tuple_pack(heap, c, b, a).addr == i
    t2 = tuple_pack(heap, a, b)
    i2 = t2.addr
    heap.decref(t2)
    out['4 takes 2'] = tuple_pack(heap, a, b, c, a).addr == i2
    out['2 takes 2'] = tuple_pack(heap, b, a).addr == i2
    ts = list_build(heap, [tuple_pack(heap, a, b, c) for _ in range(3)])
    ids = [x.addr for x in ts.items]
    heap.decref(ts)
    news = [tuple_pack(heap, x, x, x) for x in (a, b, c)]
    out['lifo'] = [ids.index(x.addr) if x.addr in ids else -1 for x in news]

    def range_tuple(n):
        return tuple_from_iterable(heap, iter(ints(heap, range(n))), n)

    ts20 = list_build(heap, [range_tuple(20) for _ in range(5)])
    ids20 = [x.addr for x in ts20.items]
    heap.decref(ts20)
    out['20 reused'] = range_tuple(20).addr in ids20
    ts19 = list_build(heap, [range_tuple(19) for _ in range(5)])
    ids19 = [x.addr for x in ts19.items]
    heap.decref(ts19)
    n19 = range_tuple(19)
    out['19 reused'] = [ids19.index(n19.addr) if n19.addr in ids19 else -1]
    assert out == expected


def test_twenty_tuples_pile_up_and_full_collections_clear_them(heap):
    for _ in range(7):
        t = tuple_new(heap, 20)
        for i in range(20):
            tuple_setitem(heap, t, i, new_int(heap, i))
        heap.decref(t)
    assert len(heap.tuple_freelists[20]) == 7
    blocks = heap.allocator.allocated_blocks()
    count = heap.gc.count[0] = 10
    tuple_clear_freelists(heap)
    assert all(not free for free in heap.tuple_freelists)
    assert heap.allocator.allocated_blocks() == blocks - 7
    assert heap.gc.count[0] == count - 7          # PyObject_GC_Del uncounts each shell


def test_free_list_max_per_size(heap):
    keep = [tuple_pack(heap, heap.none) for _ in range(heap.tuple_freelist_max + 5)]
    for t in keep:
        heap.decref(t)
    assert len(heap.tuple_freelists[1]) == heap.objcfg.tuple_freelist_max


def test_items_are_released_last_to_first(heap):
    expected = host("""
        import gc
        gc.disable(); gc.collect()
        def f():
            t = (int('100001'), int('100002'), int('100003'))
            ids = [id(x) for x in t]
            del t
            # freed blocks are reused LIFO: the last one freed comes back first
            new = [int('200001'), int('200002'), int('200003')]
            return [ids.index(id(x)) if id(x) in ids else -1 for x in new]
        print(f())
    """)
    t = tuple_build(heap, ints(heap, [100001, 100002, 100003]))
    ids = [x.addr for x in t.items]
    heap.decref(t)
    new = ints(heap, [200001, 200002, 200003])
    assert [ids.index(x.addr) if x.addr in ids else -1 for x in new] == expected


def test_traverse_order_matches_get_referents(heap):
    order = host("""
        import gc
        a, b, c = object(), object(), object()
        print([[a, b, c].index(x) for x in gc.get_referents((a, b, c))])
    """)
    objs = ints(heap, [1000, 1001, 1002])
    t = tuple_pack(heap, *objs)
    assert [objs.index(x) for x in tuple_traverse(t)] == order


def test_free_list_does_not_touch_gc_count(heap):
    expected = host("""
        import gc
        gc.disable(); gc.collect()
        def f():
            gc.get_count()
            c = lambda: gc.get_count()[0]
            a = int('5000')
            out = []
            c0 = c(); t = (a, a, a, a); out.append(c() - c0)
            c0 = c(); del t; out.append(c() - c0)
            c0 = c(); t = (a, a, a, a); out.append(c() - c0)
            return out
        print(f())
    """)
    a = new_int(heap, 5000)
    out = []
    c0 = heap.gc.count[0]; t = tuple_pack(heap, a, a, a, a); out.append(heap.gc.count[0] - c0)
    c0 = heap.gc.count[0]; heap.decref(t); out.append(heap.gc.count[0] - c0)
    c0 = heap.gc.count[0]; t = tuple_pack(heap, a, a, a, a); out.append(heap.gc.count[0] - c0)
    assert out == expected


# --- resize (PySequence_Tuple's growth) ------------------------------------------------------------

def test_tuple_from_iterable_grows_and_cuts_back(heap):
    for n in (0, 1, 9, 10, 11, 25, 26, 60):
        t = tuple_from_iterable(heap, iter(ints(heap, range(n))))
        assert values(t) == tuple(range(n))
        assert getsizeof(t) == sys.getsizeof(tuple(x for x in range(n)))
        assert t.gc_gen >= 0 or n == 0
    blocks = heap.allocator.allocated_blocks()
    t = tuple_from_iterable(heap, iter(ints(heap, range(1000, 1040))))
    # 40 ints and one tuple block, whatever the resizes did on the way
    assert heap.allocator.allocated_blocks() == blocks + 41
    assert heap.allocator.block_size(t.addr - 16) >= getsizeof(t)


def test_resize_refuses_shared_tuples(heap):
    t = tuple_pack(heap, heap.none, heap.none)
    t.ob_refcnt += 1
    with pytest.raises(SimulatorBug):
        tuple_resize(heap, t, 5)


# --- items ---------------------------------------------------------------------------------------

def test_item_access(heap):
    t = tuple_build(heap, ints(heap, [5, 6, 7]))
    assert tuple_getitem(heap, t, 2).value == 7
    x = tuple_item_new_ref(heap, t, -3)
    assert x.value == 5
    with pytest.raises(IndexError) as host_info:
        (5, 6, 7)[3]
    for action in (lambda: tuple_getitem(heap, t, 3), lambda: tuple_item_new_ref(heap, t, -4)):
        with pytest.raises(GuestError) as info:
            action()
        assert info.value.message == str(host_info.value)


def test_setitem_steals_and_pack_increfs(heap):
    a = new_int(heap, 4242)
    t = tuple_new(heap, 2)
    tuple_setitem(heap, t, 0, a)
    assert a.ob_refcnt == 1
    p = tuple_pack(heap, a, a)
    assert a.ob_refcnt == 3
    heap.decref(p)
    assert a.ob_refcnt == 1


# --- hash and equality ----------------------------------------------------------------------------------

HASH_CASES = [
    (), (0,), (1,), (-1,), (-2,), (1, 2), (2, 1), (1, 2, 3), tuple(range(20)), (2**61 - 1,),
    (2**64, -2**70), ("a",), ("abc", "def"), ("", 1, "x" * 50), ((1, 2), (3, (4, 5))),
    ((), ((),)), ("é", "€", "😀"), (10**30, "z", ((-1,), -2)),
]


def _host_item_hash(heap, x):
    if isinstance(x, TupleObject):
        return tuple_hash(heap, x, _host_item_hash)
    return hash(x)


def _as_sim(value):
    t = TupleObject.__new__(TupleObject)
    t.items = [_as_sim(v) if isinstance(v, tuple) else v for v in value]
    return t


@pytest.mark.parametrize("value", HASH_CASES, ids=repr)
def test_tuple_hash_matches_host(value):
    assert tuple_hash(None, _as_sim(value), _host_item_hash) == hash(value)


def _sim(heap, value):
    if isinstance(value, tuple):
        return tuple_build(heap, [_sim(heap, v) for v in value])
    if isinstance(value, str):
        return new_str(heap, value)
    return new_int(heap, value)


@pytest.mark.parametrize("value", HASH_CASES, ids=repr)
def test_tp_hash_on_simulated_tuples(heap, value):
    assert tuple_tp_hash(heap, _sim(heap, value)) == hash(value)


def test_hash_of_unhashable_item_raises(heap):
    t = tuple_pack(heap, list_new(heap, 0))
    with pytest.raises(GuestError) as info:
        tuple_tp_hash(heap, t)
    with pytest.raises(TypeError) as host_info:
        hash(([],))
    assert info.value.message == str(host_info.value)


def test_equality(heap):
    cases = [((1, 2), (1, 2)), ((1, 2), (1, 3)), ((1, 2), (1, 2, 3)), ((), ()),
             (("a", (1,)), ("a", (1,))), ((1,), ())]
    for x, y in cases:
        assert tuple_eq(heap, _sim(heap, x), _sim(heap, y)) is (x == y)
    assert tuple_eq(heap, _sim(heap, (1,)), list_new(heap, 0)) is NotImplemented


def test_equality_compares_items_before_lengths(heap):
    """tuplerichcompare has no early exit on length: items are compared first."""
    calls = host("""
        class E:
            n = 0
            def __eq__(self, other):
                E.n += 1
                return True
        e = E()
        (e, 1) == (e, 1, 2)
        (E(), 1) == (E(), 1, 2)
        print(E.n)
    """)
    seen = []
    a, b = new_int(heap, 5000), new_int(heap, 5000)
    orig = heap.int_type.tp_eq

    def counting_eq(h, x, y):
        seen.append((x, y))
        return orig(h, x, y)

    heap.int_type.tp_eq = counting_eq
    try:
        # the first pair is identical (no call, like the host's ``e``), the second is not
        x = new_int(heap, 1000)
        tuple_eq(heap, tuple_pack(heap, a, x), tuple_pack(heap, a, x, heap.none))
        tuple_eq(heap, tuple_pack(heap, a, heap.none), tuple_pack(heap, b, heap.none, heap.none))
    finally:
        heap.int_type.tp_eq = orig
    assert len(seen) == calls


# --- untracking --------------------------------------------------------------------------------------

UNTRACK_PROBE = """
    import gc
    gc.disable(); gc.collect()
    def f():
        a = int('777777')
        # Every tuple is held by a local, so a young collection leaves the generation's order
        # as it was (creation order) when it untracks tuples.
        t_ints = (a, a)
        inner = (a, a); t_nested = (a, inner)
        t_list = (a, [])
        inner_l = ([],); t_nested_list = (a, inner_l)
        t_none = (None, a)
        t_type = (int, a)
        t_unfinished_later = (a, t_list)
        gc.collect(0)
        return [gc.is_tracked(x) for x in (t_ints, inner, t_nested, t_list, inner_l,
                                           t_nested_list, t_none, t_type, t_unfinished_later)]
    print(f())
"""


def test_maybe_untrack_in_generation_order(heap):
    expected = host(UNTRACK_PROBE)
    a = new_int(heap, 777777)
    t_ints = tuple_pack(heap, a, a)
    inner = tuple_pack(heap, a, a)
    t_nested = tuple_pack(heap, a, inner)
    t_list = tuple_build(heap, [a, list_new(heap, 0)])
    a.ob_refcnt += 1
    inner_l = tuple_build(heap, [list_new(heap, 0)])
    t_nested_list = tuple_pack(heap, a, inner_l)
    t_none = tuple_pack(heap, heap.none, a)
    t_type = tuple_pack(heap, heap.int_type, a)
    t_later = tuple_pack(heap, a, t_list)
    # what untrack_tuples does: every tuple of the generation, in list order
    for obj in list(heap.gc.lists[0]):
        tuple_maybe_untrack(heap, obj)
    got = [heap.gc.is_tracked(x) for x in (t_ints, inner, t_nested, t_list, inner_l,
                                           t_nested_list, t_none, t_type, t_later)]
    assert got == expected


def test_tuple_being_filled_stays_tracked(heap):
    t = tuple_new(heap, 2)
    tuple_setitem(heap, t, 0, new_int(heap, 5))
    tuple_maybe_untrack(heap, t)
    assert heap.gc.is_tracked(t)
    tuple_setitem(heap, t, 1, new_int(heap, 6))
    tuple_maybe_untrack(heap, t)
    assert not heap.gc.is_tracked(t)

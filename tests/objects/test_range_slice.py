"""range (and its iterators) and slice (and its one-object cache).

Expected values come from the host interpreter: sizes, lengths, hashes, equality, iteration
and index arithmetic in this process; identity and collector counts from small host programs
run in a subprocess with the collector disabled after ``gc.collect()``.
"""

import sys

import hostrun
import pytest

from heapsim.base.errors import GuestError
from heapsim.objects import core
from heapsim.objects.floatobject import new_float
from heapsim.objects.longobject import new_int
from heapsim.objects.rangeobject import (
    range_eq, range_hash, range_iter, range_length, range_new, rangeiter_length_hint,
    rangeiter_next,
)
from heapsim.objects.tupleobject import tuple_build, tuple_tp_hash
from heapsim.objects.sliceobject import (
    slice_eq, slice_indices, slice_new, slice_traverse, slice_unpack,
)

getsizeof = core.getsizeof

BIG = 2**70

RANGES = [
    (0,), (1,), (10,), (1000,), (-3,), (5, 5), (-5, 5), (0, 100, 7), (10, 0, -3), (0, 10, -1),
    (3, 4, 100), (BIG,), (-BIG, BIG, 3 * BIG // 7), (2**63 - 3, 2**63 + 3),
    (-2**63, -2**63 + 5), (0, 2**63 - 1, 2**62), (BIG, 0, -BIG // 3), (7, -7, -2),
    (256, 260), (-6, -4),
]


def host(code):
    """Run ``code`` under the host interpreter; it prints one Python literal, returned here."""
    return hostrun.run_host(code, parse="literal")


def sim_range(heap, args):
    objs = [new_int(heap, v) for v in args]
    r = range_new(heap, *objs)
    for o in objs:
        heap.decref(o)
    return r


def drain(heap, it, limit=50):
    out = []
    while len(out) < limit:
        x = rangeiter_next(heap, it)
        if x is None:
            break
        out.append(x.value)
        heap.decref(x)
    return out


# --- range -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("args", RANGES, ids=repr)
def test_range_size_length_hash(heap, args):
    h = range(*args)
    r = sim_range(heap, args)
    assert getsizeof(r) == sys.getsizeof(h)
    # len() of a range longer than sys.maxsize overflows on the host; index() does not
    assert range_length(r) == (h.index(h[-1]) + 1 if h else 0)
    assert (r.start.value, r.stop.value, r.step.value) == (h.start, h.stop, h.step)
    if len(range(*args[:2], *args[2:])[:3]) >= 2:
        assert range_hash(heap, r) == hash(h)
    else:
        # hash(None) is None's address, which differs between the host and the simulation;
        # check instead that both hash the same tuple shape (len, start or None, None)
        shape = (0, None, None) if not h else (1, h.start, None)
        assert hash(h) == hash(shape)
        sim_shape = tuple_build(heap, [new_int(heap, shape[0]),
                                       heap.none if shape[1] is None else new_int(heap, shape[1]),
                                       heap.none])
        heap.none.ob_refcnt += 2
        assert range_hash(heap, r) == tuple_tp_hash(heap, sim_shape)


@pytest.mark.parametrize("args", RANGES, ids=repr)
def test_range_iteration(heap, args):
    h = range(*args)
    r = sim_range(heap, args)
    it = range_iter(heap, r)
    host_it = iter(h)
    assert it.ob_type.name == type(host_it).__name__
    assert getsizeof(it) == sys.getsizeof(host_it)
    assert rangeiter_length_hint(it) == host_it.__length_hint__()
    got = drain(heap, it, 3)
    assert got == [x for _, x in zip(range(3), host_it)]
    assert rangeiter_length_hint(it) == host_it.__length_hint__()
    assert drain(heap, it) == list(x for _, x in zip(range(50), host_it))


def test_range_equality(heap):
    for a in RANGES:
        for b in RANGES:
            assert range_eq(heap, sim_range(heap, a), sim_range(heap, b)) is \
                (range(*a) == range(*b)), (a, b)
    same = [(0, 0), (5, 1), (3, 4, 7), (3, 4, 9), (3, 10, 2), (3, 11, 2)]
    for a in same:
        for b in same:
            assert range_eq(heap, sim_range(heap, a), sim_range(heap, b)) is \
                (range(*a) == range(*b)), (a, b)
    r = sim_range(heap, (3,))
    assert range_eq(heap, r, r) is True
    assert range_eq(heap, r, new_int(heap, 3)) is NotImplemented


def test_range_from_bool_copies_to_int(heap):
    r = range_new(heap, heap.true)
    assert r.stop is heap.small_ints[6] and range_length(r) == len(range(True))


def test_range_errors(heap):
    for args, host_args in (((new_int(heap, 1), new_int(heap, 2), new_int(heap, 0)), (1, 2, 0)),
                            ((heap.none,), (None,)),
                            ((new_float(heap, 1.5), new_int(heap, 3)), (1.5, 3))):
        with pytest.raises(GuestError) as info:
            range_new(heap, *args)
        with pytest.raises((TypeError, ValueError)) as host_info:
            range(*host_args)
        assert info.value.kind == type(host_info.value).__name__
        assert info.value.message == str(host_info.value)


def test_range_releases_what_it_holds(heap):
    stop = new_int(heap, 123456)
    blocks = heap.allocator.allocated_blocks()
    r = range_new(heap, stop)
    assert stop.ob_refcnt == 2
    it = range_iter(heap, r)
    heap.decref(r)
    heap.decref(it)
    assert stop.ob_refcnt == 1
    assert heap.allocator.allocated_blocks() == blocks
    big = sim_range(heap, (BIG,))
    lit = range_iter(heap, big)
    assert lit.ob_type.name == type(iter(range(BIG))).__name__
    heap.decref(big)
    assert lit.len.ob_refcnt == 1
    drain(heap, lit, 4)
    heap.decref(lit)


# --- slice -----------------------------------------------------------------------------------------

SLICE_ARGS = [(None, None, None), (1, 2, None), (None, 5, None), (-3, None, None),
              (None, None, -1), (10, 1, -2), (BIG, -BIG, None), (-BIG, None, -3), (2, 2, 5),
              (0, 100, 7), (-1, -10, -4), (None, None, BIG), (None, None, -BIG), (3, None, 2)]


def _obj(heap, v):
    return None if v is None else new_int(heap, v)


@pytest.mark.parametrize("args", SLICE_ARGS, ids=repr)
def test_slice_size_and_indices(heap, args):
    s = slice_new(heap, *(_obj(heap, v) for v in args))
    h = slice(*args)
    assert getsizeof(s) == sys.getsizeof(h)
    for length in (0, 1, 2, 5, 10, 33):
        start, stop, step, slicelength = slice_indices(heap, s, length)
        # slice.indices() keeps a huge step as it is; PySlice_Unpack clamps it to maxsize
        host_start, host_stop, host_step = h.indices(length)
        assert (start, stop) == (host_start, host_stop) or slicelength == 0
        assert step == max(-sys.maxsize, min(sys.maxsize, host_step))
        assert slicelength == len(range(*h.indices(length)))
        assert slicelength == len(list(range(length))[h])


def test_slice_unpack_and_errors(heap):
    zero = slice_new(heap, None, None, new_int(heap, 0))
    with pytest.raises(GuestError) as info:
        slice_unpack(heap, zero)
    with pytest.raises(ValueError) as host_info:
        slice(None, None, 0).indices(5)
    assert info.value.message == str(host_info.value)
    bad = slice_new(heap, new_float(heap, 1.5), None, None)
    with pytest.raises(GuestError) as info:
        slice_unpack(heap, bad)
    with pytest.raises(TypeError) as host_info:
        [1, 2][1.5:]
    assert info.value.message == str(host_info.value)


def test_slice_is_unhashable(heap):
    s = slice_new(heap, new_int(heap, 1))
    with pytest.raises(GuestError) as info:
        s.ob_type.tp_hash(heap, s)
    with pytest.raises(TypeError) as host_info:
        hash(slice(1))
    assert info.value.message == str(host_info.value)


def test_slice_equality_builds_and_frees_tuples(heap):
    pairs = [((1, 2, None), (1, 2, None)), ((1, 2, None), (1, 3, None)),
             ((None, None, None), (None, None, None)), ((1, BIG, 2), (1, BIG, 2))]
    for a, b in pairs:
        sa = slice_new(heap, *(_obj(heap, v) for v in a))
        sb = slice_new(heap, *(_obj(heap, v) for v in b))
        blocks = heap.allocator.allocated_blocks()
        parked = len(heap.tuple_freelists[3])
        assert slice_eq(heap, sa, sb) is (slice(*a) == slice(*b))
        # two temporary 3-tuples were taken (from the free list when it had them) and parked
        # again: only shells that had to be allocated remain as new blocks
        assert heap.allocator.allocated_blocks() - blocks == max(0, 2 - parked)
        assert len(heap.tuple_freelists[3]) == max(parked, 2)
    s = slice_new(heap, new_int(heap, 1))
    assert slice_eq(heap, s, s) is True
    assert slice_eq(heap, s, new_int(heap, 1)) is NotImplemented


def test_slice_traverse(heap):
    a, b = new_int(heap, 1000), new_int(heap, 2000)
    s = slice_new(heap, a, b)
    assert list(slice_traverse(s)) == [a, b, heap.none]
    assert a.ob_refcnt == 2 and b.ob_refcnt == 2


def test_slice_cache_identity_matches_host(heap):
    expected = host("""
        import gc
        gc.disable(); gc.collect()
        def f():
            a = int('1001'); b = int('1002')
            s1 = slice(a, b); s2 = slice(b, a)
            ids = [id(s1), id(s2)]
            del s1, s2
            n1 = slice(a, a); n2 = slice(b, b); n3 = slice(a, b)
            return [ids.index(id(x)) if id(x) in ids else -1 for x in (n1, n2, n3)]
        print(f())
    """)
    a, b = new_int(heap, 1001), new_int(heap, 1002)
    s1 = slice_new(heap, a, b)
    s2 = slice_new(heap, b, a)
    ids = [s1.addr, s2.addr]
    heap.decref(s1)
    heap.decref(s2)
    news = [slice_new(heap, a, a), slice_new(heap, b, b), slice_new(heap, a, b)]
    assert [ids.index(x.addr) if x.addr in ids else -1 for x in news] == expected


def test_slice_cache_and_gc_count(heap):
    expected = host("""
        import gc
        gc.disable(); gc.collect()
        def f():
            gc.get_count()
            c = lambda: gc.get_count()[0]
            a = int('1001')
            s0 = slice(a)     # takes the slice start-up left in the cache, if any
            out = []
            c0 = c(); s = slice(a); out.append(c() - c0)
            c0 = c(); del s; out.append(c() - c0)
            c0 = c(); s = slice(a); out.append(c() - c0)
            c0 = c(); t = slice(a); out.append(c() - c0)
            c0 = c(); del s, t; out.append(c() - c0)
            return out
        print(f())
    """)
    a = new_int(heap, 1001)
    s0 = slice_new(heap, None, a)
    count = heap.gc.count
    out = []
    c0 = count[0]; s = slice_new(heap, None, a); out.append(count[0] - c0)
    c0 = count[0]; heap.decref(s); out.append(count[0] - c0)
    c0 = count[0]; s = slice_new(heap, None, a); out.append(count[0] - c0)
    c0 = count[0]; t = slice_new(heap, None, a); out.append(count[0] - c0)
    c0 = count[0]; heap.decref(s); heap.decref(t); out.append(count[0] - c0)
    assert out == expected
    assert heap.slice_cache is s and not heap.gc.is_tracked(s)

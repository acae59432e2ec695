"""float and complex: sizes, the float free list (LIFO reuse of ids, its limit of 100, its
clearing by full collections), block counts and numeric equality.

Expected figures come from the host python3 (CPython 3.11.7): ``sys.getsizeof``, and id
reuse patterns and ``sys.getallocatedblocks()`` deltas measured in a fresh subprocess after
``gc.disable(); gc.collect()`` (which also empties the host's float free list).
"""

import json
import sys

import hostrun
import pytest

from heapsim.objects import core
from heapsim.objects.abstract import hash_object, objects_equal
from heapsim.objects.complexobject import new_complex
from heapsim.objects.floatobject import float_clear_freelist, new_float
from heapsim.objects.longobject import new_int
from heapsim.objects.unicodeobject import new_str


def run_host(script):
    """Run ``script`` under the host python3 in a fresh process; it prints one JSON value."""
    return hostrun.run_host(script)


FLOATS = [0.0, -0.0, 1.0, -1.5, 3.141592653589793, 1e100, 1e-300, float("inf"),
          float("-inf"), 2.0 ** 53, 123456.789, 5e-324]
COMPLEXES = [0j, 1j, 1 + 2j, -1.5 - 0.5j, complex(1e100, -1e-100), complex(float("inf"), 0)]


@pytest.mark.parametrize("value", FLOATS, ids=repr)
def test_float_getsizeof_matches_host(heap, value):
    f = new_float(heap, value)
    assert core.getsizeof(f) == sys.getsizeof(value)
    assert f.ob_refcnt == 1 and f.value == value or value != value


@pytest.mark.parametrize("value", COMPLEXES, ids=repr)
def test_complex_getsizeof_matches_host(heap, value):
    c = new_complex(heap, value)
    assert core.getsizeof(c) == sys.getsizeof(value)
    assert c.value == value


REUSE_SCRIPT = """
    import gc, json, sys
    def pattern(n, make):
        old = [None] * n
        new = [None] * n
        for i in range(n):
            old[i] = make(i)
        ids = [id(x) for x in old]
        for i in range(n):
            old[i] = None
        for i in range(n):
            new[i] = make(i)
        return [ids.index(id(x)) if id(x) in ids else -1 for x in new]
    gc.disable(); gc.collect()
    # Fill the partly used 32-byte pools left by start-up first, so that what follows comes
    # from one pool, as it does on the simulator's fresh heap.
    filler = [1j + i for i in range(600)]
    half = 0.5
    floats_3 = pattern(3, lambda i: half + i)
    floats_150 = pattern(150, lambda i: half + i)
    gc.collect()
    complexes_3 = pattern(3, lambda i: 1j + i)
    print(json.dumps([floats_3, floats_150, complexes_3]))
"""


def sim_pattern(heap, n, make):
    old = [make(i) for i in range(n)]
    ids = [x.addr for x in old]
    for i in range(n):
        heap.decref(old[i])
        old[i] = None
    new = [make(i) for i in range(n)]
    return [ids.index(x.addr) if x.addr in ids else -1 for x in new]


def test_id_reuse_matches_host(heap):
    floats_3, floats_150, complexes_3 = run_host(REUSE_SCRIPT)
    filler = [new_complex(heap, 1j + i) for i in range(600)]
    # Free a, b, c: the next three floats get c, b, a.
    assert sim_pattern(heap, 3, lambda i: new_float(heap, 0.5 + i)) == floats_3
    # Only 100 shells are kept: the first 100 new floats reuse them last-in first-out, the
    # rest get pymalloc's freed blocks back, also last-freed first.
    assert sim_pattern(heap, 150, lambda i: new_float(heap, 0.5 + i)) == floats_150
    float_clear_freelist(heap)
    assert sim_pattern(heap, 3, lambda i: new_complex(heap, 1j + i)) == complexes_3
    assert len(filler) == 600


def test_free_list_limit_and_clear(heap):
    limit = heap.objcfg.float_freelist_max
    floats = [new_float(heap, float(i)) for i in range(limit + 20)]
    addresses = [f.addr for f in floats]
    for f in floats:
        heap.decref(f)
    assert len(heap.float_freelist) == limit
    assert [f.addr for f in heap.float_freelist] == addresses[:limit]
    blocks = heap.allocator.allocated_blocks()
    assert float_clear_freelist(heap) == limit
    assert heap.float_freelist == []
    assert heap.allocator.allocated_blocks() == blocks - limit
    heap.allocator.check()


BLOCKS_SCRIPT = """
    import gc, json, sys
    def measure():
        gc.disable(); gc.collect()
        held = [None] * 250
        half = 0.5
        m = [0] * 9
        # The first full collection after the first sys.getallocatedblocks() call frees one
        # block more than the free lists hold; take that collection before measuring.
        sys.getallocatedblocks()
        gc.collect()
        m[0] = sys.getallocatedblocks()
        m[1] = sys.getallocatedblocks()
        for i in range(250):
            held[i] = half + i
        m[2] = sys.getallocatedblocks()
        for i in range(0, 250, 5):
            held[i] = None
        m[3] = sys.getallocatedblocks()
        for i in range(250):
            held[i] = None
        m[4] = sys.getallocatedblocks()
        for i in range(30):
            held[i] = half + i
        m[5] = sys.getallocatedblocks()
        gc.collect()                        # a full collection empties the free list
        m[6] = sys.getallocatedblocks()
        for i in range(40):
            held[i] = 1j + i
        m[7] = sys.getallocatedblocks()
        for i in range(40):
            held[i] = None
        m[8] = sys.getallocatedblocks()
        calibration = m[1] - m[0]   # the int object the previous reading left behind
        return [m[i + 1] - m[i] - calibration for i in range(1, 8)]
    print(json.dumps(measure()))
"""


def test_block_counts_match_host(heap):
    expected = run_host(BLOCKS_SCRIPT)
    blocks = heap.allocator.allocated_blocks
    held = [None] * 250

    def drop(i):
        if held[i] is not None:
            heap.decref(held[i])
            held[i] = None

    m = [blocks()]
    for i in range(250):
        held[i] = new_float(heap, 0.5 + i)
    m.append(blocks())
    for i in range(0, 250, 5):
        drop(i)
    m.append(blocks())
    for i in range(250):
        drop(i)
    m.append(blocks())
    for i in range(30):
        held[i] = new_float(heap, 0.5 + i)
    m.append(blocks())
    float_clear_freelist(heap)
    m.append(blocks())
    for i in range(40):
        drop(i)
        held[i] = new_complex(heap, 1j + i)
    m.append(blocks())
    for i in range(40):
        drop(i)
    m.append(blocks())
    assert [m[i + 1] - m[i] for i in range(7)] == expected
    heap.allocator.check()


def test_numeric_equality_and_hash(heap):
    one_int = new_int(heap, 1)
    one_float = new_float(heap, 1.0)
    one_complex = new_complex(heap, 1 + 0j)
    half = new_float(heap, 0.5)
    for a, b, ha, hb in ((one_float, one_int, 1.0, 1), (one_int, one_float, 1, 1.0),
                         (one_complex, one_float, 1 + 0j, 1.0), (one_int, one_complex, 1, 1 + 0j),
                         (half, one_float, 0.5, 1.0), (half, one_complex, 0.5, 1 + 0j)):
        assert objects_equal(heap, a, b) == (ha == hb)
        assert hash_object(heap, a) == hash(ha)
    assert objects_equal(heap, heap.true, one_float) == (True == 1.0)   # noqa: E712
    assert not objects_equal(heap, one_float, new_str(heap, "1.0"))
    nan = new_float(heap, float("nan"))
    assert objects_equal(heap, nan, nan)                    # identity, as in dict lookups
    assert not objects_equal(heap, nan, new_float(heap, float("nan")))
    assert hash_object(heap, new_complex(heap, 2 - 3j)) == hash(2 - 3j)

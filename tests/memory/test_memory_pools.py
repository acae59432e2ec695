"""Blocks inside pools, and pools inside the used-pool lists, checked block by block."""

import pytest

from heapsim.base.config import MemoryConfig
from heapsim.base.errors import AuditFailure, SimulatorBug
from heapsim.base.events import Alloc, Free, RecordingTracer
from memory_spec import build_pool, capacity, free_order, fresh, render

CONFIG = MemoryConfig()

# Blocks per 16 KiB pool for classes 16, 32, ..., 512 (docs/cpython-facts.md, 1.1).
BLOCKS_PER_POOL = [1021, 510, 340, 255, 204, 170, 145, 127, 113, 102, 92, 85, 78, 72, 68, 63,
                   60, 56, 53, 51, 48, 46, 44, 42, 40, 39, 37, 36, 35, 34, 32, 31]


def test_size_classes_and_block_counts():
    m = fresh()
    for n in range(1, CONFIG.small_request_threshold + 1):
        address = m.malloc(n)
        assert m.owns(address)
        assert m.block_size(address) == ((n - 1) // 16 + 1) * 16
        assert address % CONFIG.alignment == 0
        m.free(address)
    assert [capacity(m, (i + 1) * 16) for i in range(32)] == BLOCKS_PER_POOL
    m.check()


def test_first_block_after_pool_header():
    m = fresh()
    a = m.malloc(16)
    assert a == CONFIG.arena_base + CONFIG.pool_overhead
    assert m.malloc(16) == a + 16
    # A second class gets the next pool of the arena.
    assert m.malloc(32) == CONFIG.arena_base + CONFIG.pool_size + CONFIG.pool_overhead


@pytest.mark.parametrize("spec", ["pool 32: #.", "pool 32: ##.#.", "pool 48: .#..#.",
                                  "pool 512: " + "#" * 31, "pool 512: " + "#" * 30 + ".",
                                  "pool 512: .#.#" + "#" * 27])
def test_spec_round_trip(spec):
    m = fresh()
    blocks = build_pool(m, spec)
    assert render(m, blocks[0]) == spec
    m.check()


def test_lifo_reuse():
    m = fresh()
    blocks = build_pool(m, "pool 32: ####.")
    m.free(blocks[1])
    m.free(blocks[3])
    assert render(m, blocks[0]) == "pool 32: #.#.."
    assert free_order(m, blocks[0]) == [3, 1, 4]
    # The block freed last comes back first.
    assert m.malloc(32) == blocks[3]
    assert m.malloc(17) == blocks[1]
    m.check()


def test_carving_only_when_free_list_empty():
    m = fresh()
    blocks = build_pool(m, "pool 32: #.#..")
    assert free_order(m, blocks[0]) == [3, 1, 4]
    assert [m.malloc(32) for _ in range(3)] == [blocks[3], blocks[1], blocks[4]]
    # Taking the last free-listed block carved the next one onto the list at once.
    assert render(m, blocks[0]) == "pool 32: #####."
    assert m.malloc(32) == blocks[5]
    assert render(m, blocks[0]) == "pool 32: ######."
    m.free(blocks[2])
    assert m.malloc(32) == blocks[2]
    assert m.malloc(32) == blocks[6]
    m.check()


def test_full_pool_leaves_list_and_returns_to_front():
    m = fresh()
    idx = 31                                     # 512-byte class: 31 blocks a pool
    a = build_pool(m, "pool 512: " + "#" * 31)
    pool_a = m.pool_of(a[0])
    assert m.used_pools(idx) == []               # full pools are in no list
    b0 = m.malloc(512)
    pool_b = m.pool_of(b0)
    assert pool_b is not pool_a
    assert m.used_pools(idx) == [pool_b]
    m.free(a[5])
    assert m.used_pools(idx) == [pool_a, pool_b]  # back at the front
    assert m.malloc(512) == a[5]
    assert m.used_pools(idx) == [pool_b]         # full again
    assert m.malloc(512) == b0 + 512
    m.check()


def test_allocation_uses_first_pool_of_list():
    m = fresh()
    a = build_pool(m, "pool 512: " + "#" * 31)
    b = [m.malloc(512) for _ in range(31)]
    c0 = m.malloc(512)
    pool_a, pool_b, pool_c = (m.pool_of(x) for x in (a[0], b[0], c0))
    m.free(a[0])
    m.free(b[0])
    assert m.used_pools(31) == [pool_b, pool_a, pool_c]
    assert m.malloc(512) == b[0]
    assert m.malloc(512) == a[0]
    assert m.malloc(512) == c0 + 512
    m.check()


def test_emptied_pool_goes_to_front_of_freepools():
    m = fresh()
    p16 = [m.malloc(16) for _ in range(3)]
    p32 = [m.malloc(32) for _ in range(2)]
    m.malloc(48)
    arena = m.pool_of(p16[0]).arena
    pool16, pool32 = m.pool_of(p16[0]), m.pool_of(p32[0])
    for x in p16:
        m.free(x)
    for x in p32:
        m.free(x)
    assert arena.freepools[-1] is pool32 and arena.freepools[-2] is pool16
    assert m.used_pools(0) == [] and m.used_pools(1) == []
    # Free pools are reused most recently emptied first, before any new pool is carved.
    assert m.malloc(64) == pool32.first
    assert m.malloc(80) == pool16.first
    carve = arena.pool_address
    assert m.malloc(96) == carve + CONFIG.pool_overhead
    assert arena.pool_address == carve + CONFIG.pool_size
    m.check()


def test_reused_pool_same_class_keeps_free_list():
    m = fresh()
    keep = m.malloc(400)                         # keeps the arena from being the only content
    blocks = build_pool(m, "pool 32: ####.")
    pool = m.pool_of(blocks[0])
    for i in (2, 0, 3, 1):
        m.free(blocks[i])
    assert pool.count == 0 and pool in pool.arena.freepools
    # Same class: the old free list is used as it is (LIFO), not re-initialised.
    assert m.malloc(32) == blocks[1]
    assert m.pool_of(blocks[1]) is pool
    assert free_order(m, blocks[0]) == [3, 0, 2, 4]
    assert render(m, blocks[0]) == "pool 32: .#..."
    m.check()
    m.free(keep)


def test_reused_pool_other_class_is_reinitialised():
    m = fresh()
    m.malloc(400)
    blocks = build_pool(m, "pool 32: ####.")
    pool = m.pool_of(blocks[0])
    for i in (2, 0, 3, 1):
        m.free(blocks[i])
    a = m.malloc(48)
    assert m.pool_of(a) is pool
    assert a == pool.first
    assert pool.szidx == 2 and pool.size == 48
    assert render(m, a) == "pool 48: #."
    assert m.malloc(48) == pool.first + 48
    m.check()


def test_free_into_empty_pool_is_reported():
    m = fresh()
    m.malloc(400)
    a = m.malloc(32)
    m.free(a)
    with pytest.raises(SimulatorBug):
        m.free(a)
    m.check()


def test_double_free_found_by_check():
    m = fresh()
    a = m.malloc(32)
    m.malloc(32)
    m.free(a)
    m.free(a)                                    # not detected on the fast path
    with pytest.raises(AuditFailure, match="twice"):
        m.check()


def test_live_blocks_and_allocated_blocks():
    m = fresh()
    small = [m.malloc(n) for n in (1, 16, 17, 100, 512)]
    raw = [m.malloc(n) for n in (0, 513, 5000)]
    m.free(small[1])
    live = dict(m.live_blocks())
    assert live == {small[0]: 16, small[2]: 32, small[3]: 112, small[4]: 512,
                    raw[0]: 1, raw[1]: 513, raw[2]: 5000}
    assert m.allocated_blocks() == 7
    m.check()


def test_tracer_events():
    m = fresh()
    tracer = RecordingTracer()
    m.tracer = tracer
    a = m.malloc(20)
    b = m.malloc(600)
    m.free(a)
    m.free(b)
    assert tracer.records == [Alloc(a, 20, 32), Alloc(b, 600, 0), Free(a), Free(b)]
    m.tracer = None
    m.malloc(20)
    assert len(tracer.records) == 4

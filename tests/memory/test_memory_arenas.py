"""Arenas: the usable_arenas order, reuse of free pools, release of wholly free arenas.

Most tests use ``SMALL`` (2 KiB pools, 4 pools an arena) and the 512-byte class, whose pools
hold 3 blocks, so one arena is 12 blocks.
"""

import dataclasses

import pytest

from heapsim.base.config import MemoryConfig
from heapsim.base.errors import OutOfMemory
from memory_spec import SMALL, fresh

POOL_BLOCKS = 3
ARENA_POOLS = 4


def fill_arenas(m, n):
    """Allocate ``n`` full arenas of 512-byte blocks: ``arenas[a][p]`` lists pool p's blocks."""
    arenas = []
    for _ in range(n):
        pools = [[m.malloc(512) for _ in range(POOL_BLOCKS)] for _ in range(ARENA_POOLS)]
        arenas.append(pools)
    return arenas


def arena_of(m, blocks):
    return m.pool_of(blocks[0][0]).arena


def free_pool(m, blocks):
    for b in blocks:
        m.free(b)


def order(m, names):
    """usable_arenas as a list of (name, nfreepools)."""
    by_id = {id(arena): name for name, arena in names.items()}
    return [(by_id[id(a)], a.nfreepools) for a in m.usable_arena_list()]


def test_fresh_arena_placement():
    m = fresh(SMALL)
    arenas = fill_arenas(m, 3)
    addresses = [arena_of(m, a).address for a in arenas]
    assert addresses == [SMALL.arena_base + k * SMALL.arena_stride for k in range(3)]
    for a in arenas:
        arena = arena_of(m, a)
        assert arena.ntotalpools == ARENA_POOLS and arena.nfreepools == 0
    assert m.usable_arena_list() == []
    m.check()


def test_default_arena_has_64_pools():
    m = fresh()
    arena = m.pool_of(m.malloc(16)).arena
    assert arena.ntotalpools == MemoryConfig().pools_per_arena == 64
    assert arena.address % MemoryConfig().pool_size == 0


def test_misaligned_arena_loses_a_pool():
    # As an mmap'd arena that is not pool-aligned: the first pool starts at the next pool
    # boundary and the arena holds one pool fewer.
    config = dataclasses.replace(SMALL, arena_base=SMALL.arena_base + 1024)
    m = fresh(config)
    a = m.malloc(16)
    arena = m.pool_of(a).arena
    assert arena.ntotalpools == ARENA_POOLS - 1
    assert a == arena.address - 1024 + config.pool_size + config.pool_overhead
    assert "# bytes lost to arena alignment    =                2,048" in m.debugmallocstats()
    m.check()


def test_usable_arenas_sorted_most_used_first():
    m = fresh(SMALL)
    a, b, c = fill_arenas(m, 3)
    names = {"A": arena_of(m, a), "B": arena_of(m, b), "C": arena_of(m, c)}
    free_pool(m, c[0])
    assert order(m, names) == [("C", 1)]
    free_pool(m, a[0])                            # a full arena goes to the head
    assert order(m, names) == [("A", 1), ("C", 1)]
    free_pool(m, c[1])                            # C was the rightmost with 1: stays put
    assert order(m, names) == [("A", 1), ("C", 2)]
    free_pool(m, b[0])
    assert order(m, names) == [("B", 1), ("A", 1), ("C", 2)]
    free_pool(m, b[1])                            # slides right, after the last with 1 (A)
    assert order(m, names) == [("A", 1), ("B", 2), ("C", 2)]
    free_pool(m, a[1])                            # after the last with 1 -- none left: A was it
    assert order(m, names) == [("A", 2), ("B", 2), ("C", 2)]
    free_pool(m, a[2])                            # after the rightmost with 2 (C)
    assert order(m, names) == [("B", 2), ("C", 2), ("A", 3)]
    m.check()
    # The next pool comes from the head (most used) arena, from its most recently freed pool,
    # whose free list is reused as it is: the block freed last comes first.
    assert m.malloc(512) == b[1][2]
    assert order(m, names) == [("B", 1), ("C", 2), ("A", 3)]
    m.check()


def test_wholly_free_arena_released_unless_last():
    m = fresh(SMALL)
    a, b, c = fill_arenas(m, 3)
    names = {"A": arena_of(m, a), "B": arena_of(m, b), "C": arena_of(m, c)}
    for pool in c:
        free_pool(m, pool)
    # C is wholly free but it is the last (only) usable arena: kept (bpo-37257).
    assert order(m, names) == [("C", 4)]
    assert m.arena_stats().current == 3
    for pool in b:
        free_pool(m, pool)
    # B became wholly free with C after it: released.
    assert order(m, names) == [("C", 4)]
    assert m.arena_stats() == (3, 1, 3, 2)
    assert not m.owns(b[0][0])
    for pool in a:
        free_pool(m, pool)
    assert order(m, names) == [("C", 4)]
    assert m.arena_stats() == (3, 2, 3, 1)
    assert m.allocated_blocks() == 0
    m.check()
    # The kept arena serves the next pools; then released addresses are reused, LIFO.
    again = fill_arenas(m, 3)
    assert arena_of(m, again[0]) is names["C"]
    assert arena_of(m, again[1]).address == names["A"].address
    assert arena_of(m, again[2]).address == names["B"].address
    assert m.arena_stats() == (5, 2, 3, 3)
    m.check()


def test_no_thrashing_on_a_simple_loop():
    m = fresh(SMALL)
    for _ in range(100):
        m.free(m.malloc(100))
    assert m.arena_stats() == (1, 0, 1, 1)
    m.check()


def test_many_arenas_release():
    # The shape of shared/probes/arenas.py: many 16-byte blocks, then all freed.
    m = fresh()
    m.malloc(1000)                                # a raw block is not in any arena
    blocks = [m.malloc(16) for _ in range(64 * 1021 * 3 + 5)]
    assert m.arena_stats().current == 4
    for b in blocks:
        m.free(b)
    assert m.arena_stats() == (4, 3, 4, 1)
    assert m.allocated_blocks() == 1
    m.check()


def test_out_of_memory_at_heap_limit():
    config = dataclasses.replace(SMALL, heap_limit=2 * SMALL.arena_size + 1000)
    m = fresh(config)
    fill_arenas(m, 2)
    with pytest.raises(OutOfMemory):
        m.malloc(512)
    m.check()
    raw = m.malloc(900)                           # chunk of 16 + 912 bytes still fits
    with pytest.raises(OutOfMemory):
        m.malloc(100)                            # but no third arena
    with pytest.raises(OutOfMemory):
        m.malloc(600)                            # nor another raw chunk
    m.free(raw)
    assert m.malloc(600) != 0
    m.check()
    assert m.allocated_blocks() == 2 * ARENA_POOLS * POOL_BLOCKS + 1


def test_out_of_memory_keeps_realloc_source():
    config = dataclasses.replace(SMALL, heap_limit=SMALL.arena_size)
    m = fresh(config)
    a = m.malloc(100)
    with pytest.raises(OutOfMemory):
        m.realloc(a, 2000)
    assert m.block_size(a) == 112
    assert m.allocated_blocks() == 1
    m.check()

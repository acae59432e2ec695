"""Requests that go to the raw allocator, and realloc in place or moving."""

import pytest

from heapsim.base.config import MemoryConfig
from heapsim.base.errors import AuditFailure, SimulatorBug
from heapsim.memory import RawAllocator
from memory_spec import fresh

CONFIG = MemoryConfig()


def test_raw_above_threshold_and_for_zero():
    m = fresh()
    assert m.owns(m.malloc(512))
    big = m.malloc(513)
    zero = m.malloc(0)
    assert not m.owns(big) and not m.owns(zero)
    assert m.block_size(big) == 513
    assert m.block_size(zero) == 1                # malloc(0) is malloc(1)
    assert m.allocated_blocks() == 3
    # The raw region: a header before each chunk, sizes rounded to 16.
    assert big == CONFIG.raw_base + CONFIG.raw_header
    assert zero == big + 528 + CONFIG.raw_header
    assert big % 16 == 0 and zero % 16 == 0
    m.free(big)
    assert m.allocated_blocks() == 2
    m.check()


def test_raw_reuses_freed_chunk_of_same_rounded_size_lifo():
    m = fresh()
    a = m.malloc(600)
    b = m.malloc(601)
    c = m.malloc(700)
    m.free(a)
    m.free(b)
    assert m.malloc(608) == b                     # same rounded size (608), freed last
    assert m.malloc(593) == a
    d = m.malloc(609)                             # 624: a new chunk at the top
    assert d > c
    m.free(c)
    assert m.malloc(1000) > d                     # no splitting of the 700-byte chunk
    m.check()


def test_raw_allocator_alone():
    raw = RawAllocator(CONFIG)
    a = raw.malloc(0)
    b = raw.malloc(100)
    assert raw.block_size(a) == 1 and raw.allocated_blocks() == 2
    assert raw.realloc(b, 110) == b              # same chunk size: in place
    assert raw.block_size(b) == 110
    c = raw.realloc(b, 200)
    assert c != b and raw.block_size(c) == 200
    assert list(raw.live_blocks()) == [(a, 1), (c, 200)]
    raw.check()
    with pytest.raises(SimulatorBug):
        raw.free(b)
    raw._live[c + 16] = 10                        # forge an overlapping chunk
    with pytest.raises(AuditFailure):
        raw.check()


def test_invalid_raw_free():
    m = fresh()
    m.free(0)                                     # free(NULL) does nothing
    assert m.allocated_blocks() == 0
    with pytest.raises(SimulatorBug):
        m.free(CONFIG.raw_base + 12345 * 16)


@pytest.mark.parametrize("old, new, in_place", [
    (64, 64, True), (64, 49, True), (64, 48, False),     # 4*49 = 196 > 192; 4*48 = 192
    (64, 65, False), (512, 385, True), (512, 384, False),
    (100, 112, True), (100, 85, True), (100, 84, False),  # block 112: 4*85 > 336 >= 4*84
    (16, 13, True), (16, 12, False), (16, 1, False),
])
def test_realloc_in_place_rule(old, new, in_place):
    m = fresh()
    a = m.malloc(old)
    b = m.realloc(a, new)
    assert (a == b) is in_place
    assert m.allocated_blocks() == 1
    expected = m.block_size(a) if in_place else ((new - 1) // 16 + 1) * 16
    assert m.block_size(b) == expected
    m.check()


def test_realloc_moves_frees_old_block_after_allocating():
    m = fresh()
    a = m.malloc(64)
    b = m.realloc(a, 200)
    assert m.owns(b) and b != a
    # The old block went back on its free list: the next 64-byte request reuses it.
    assert m.malloc(64) == a
    m.check()


def test_realloc_between_pymalloc_and_raw():
    m = fresh()
    a = m.malloc(100)
    big = m.realloc(a, 1000)
    assert not m.owns(big) and m.block_size(big) == 1000
    assert m.malloc(100) == a
    # A raw block stays raw even when it shrinks to a small size.
    small = m.realloc(big, 10)
    assert not m.owns(small) and m.block_size(small) == 10
    same = m.realloc(small, 16)                   # same rounded chunk: in place
    assert same == small
    zero = m.realloc(m.malloc(32), 0)             # pymalloc block to size 0: moves to raw
    assert not m.owns(zero) and m.block_size(zero) == 1
    assert m.allocated_blocks() == 3
    m.check()


def test_realloc_of_null_is_malloc():
    m = fresh()
    a = m.realloc(0, 20)
    assert m.owns(a) and m.block_size(a) == 32
    m.check()


def test_allocated_blocks_counts_raw():
    m = fresh()
    base = m.allocated_blocks()
    blocks = [m.malloc(n) for n in (0, 1, 511, 512, 513, 10_000)]
    assert m.allocated_blocks() - base == 6
    for b in blocks[::2]:
        m.free(b)
    assert m.allocated_blocks() - base == 3
    assert m.raw.allocated_blocks() == 1
    m.check()

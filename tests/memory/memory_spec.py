"""Build pymalloc pool states from short strings and read them back in the same notation.

A pool spec is ``"pool SIZE: CELLS"``, one character per block in address order:

* ``#`` a block in use,
* ``.`` a block on the pool's free list,
* ``_`` a block never carved.

Trailing ``_`` may be left out.  As in CPython, a partly used pool always has at least one
block on its free list: when the list runs dry the next never-used block is carved onto it at
once.  So in a spec that still has never-carved blocks, the last carved block is a ``.``.

:func:`build_pool` produces a spec through ``malloc`` and ``free`` only: it allocates the
carved blocks, then frees the ``.`` blocks from left to right, so the free list pops them from
right to left (the eagerly carved block, freed first, comes out last).
"""

import re

from heapsim.base.config import MemoryConfig
from heapsim.memory import Pymalloc

SPEC = re.compile(r"pool (\d+): ([#._]*)$")

SMALL = MemoryConfig(pool_size=2048, arena_size=8192, arena_stride=8192)
"""A configuration with 2 KiB pools and 4 pools per arena, so arena tests stay short.

The size classes are CPython's (16..512); a 512-byte pool holds (2048 - 48) // 512 = 3 blocks.
"""


def parse(spec):
    match = SPEC.match(spec)
    if not match:
        raise ValueError(f"bad pool spec {spec!r}")
    return int(match.group(1)), match.group(2)


def capacity(allocator, size):
    config = allocator.config
    return (config.pool_size - config.pool_overhead) // size


def build_pool(allocator, spec):
    """Make a new pool in the state ``spec`` describes; return its block addresses.

    The class must have no partly used pool yet, so that the first ``malloc`` opens a pool.
    The returned list has one address per cell of the spec (``_`` cells included).
    """
    size, cells = parse(spec)
    cap = capacity(allocator, size)
    cells = cells.rstrip("_")
    if "_" in cells:
        raise ValueError("never-carved blocks must come after every carved one")
    carved = len(cells)
    if carved > cap:
        raise ValueError(f"a pool of {size}-byte blocks holds only {cap} blocks")
    if carved < cap:
        if carved < 2 or cells[-1] != ".":
            raise ValueError("a pool with never-carved blocks has its last carved block "
                             "on the free list")
        to_allocate = carved - 1
    else:
        to_allocate = carved
    idx = (size - 1) // allocator.config.alignment
    if allocator.used_pools(idx):
        raise ValueError(f"class {size} already has a used pool")
    blocks = [allocator.malloc(size) for _ in range(to_allocate)]
    pool = allocator.pool_of(blocks[0])
    assert all(allocator.pool_of(b) is pool for b in blocks)
    for i, cell in enumerate(cells[:to_allocate]):
        if cell == ".":
            allocator.free(blocks[i])
    return [pool.first + i * size for i in range(cap)]


def render(allocator, address):
    """The spec of the pool holding ``address`` (trailing ``_`` left out)."""
    pool = allocator.pool_of(address)
    cells = []
    free = set(pool.freelist)
    for block in pool.carved_blocks():
        cells.append("." if block in free else "#")
    return f"pool {pool.size}: {''.join(cells)}"


def free_order(allocator, address):
    """Indices of the pool's free blocks in the order the next mallocs will return them."""
    pool = allocator.pool_of(address)
    return [(block - pool.first) // pool.size for block in reversed(pool.freelist)]


def fresh(config=None):
    return Pymalloc(config or MemoryConfig())

"""Statistics records and the text of ``sys._debugmallocstats()``.

The report is laid out as ``_PyObject_DebugMallocStats`` in Objects/obmalloc.c lays it out, so
that a heapsim report and a CPython one can be compared line by line.  The column widths and the
``=``-aligned value lines (``printone`` in CPython: a label padded to 35 characters, ``=``, then
the value with thousands separators right-aligned in 21 characters) are part of the contract.
The free-list lines of the type objects that follow in CPython's output (dict, float, list,
tuple) are produced by the object layer with :func:`allocator_stats_line`.
"""

from typing import NamedTuple

# The arena map (a three-level radix tree over addresses) is sized for 64-bit pointers, as on
# the 64-bit Linux build heapsim models.  Its leaves hold two 32-bit ints per arena slot.
POINTER_BITS = 64
POINTER_BYTES = POINTER_BITS // 8
ARENA_COVERAGE_BYTES = 8


class SizeClassStats(NamedTuple):
    """One line of the per-class table: a size class that has at least one pool in use."""

    idx: int
    size: int
    num_pools: int
    blocks_in_use: int
    avail_blocks: int


class ArenaStats(NamedTuple):
    """The ``# arenas ...`` lines: arenas ever allocated, given back, most at once, now."""

    allocated_total: int
    reclaimed: int
    highwater: int
    current: int


class ArenaMapGeometry(NamedTuple):
    """Bit split of an address in the arena map: top, mid and bottom indices above the arena.

    Mirrors the ``MAP_*`` macros of obmalloc.c with ``IGNORE_BITS`` = 0: the interior levels
    get ``(address bits - arena bits + 2) // 3`` bits each and the bottom level the rest.
    """

    arena_bits: int
    top_bits: int
    mid_bits: int
    bot_bits: int

    @classmethod
    def for_arena_size(cls, arena_size):
        arena_bits = arena_size.bit_length() - 1
        interior = (POINTER_BITS - arena_bits + 2) // 3
        return cls(arena_bits, interior, interior, POINTER_BITS - arena_bits - 2 * interior)

    def node_keys(self, address):
        """The (mid node, bottom node) keys of the map entry covering ``address``."""
        bot_shift = self.arena_bits
        mid_shift = bot_shift + self.bot_bits
        top_shift = mid_shift + self.mid_bits
        top = (address >> top_shift) & ((1 << self.top_bits) - 1)
        mid = (address >> mid_shift) & ((1 << self.mid_bits) - 1)
        return top, (top, mid)

    @property
    def root_bytes(self):
        return (1 << self.top_bits) * POINTER_BYTES

    @property
    def mid_bytes(self):
        return (1 << self.mid_bits) * POINTER_BYTES

    @property
    def bot_bytes(self):
        return (1 << self.bot_bits) * ARENA_COVERAGE_BYTES


def printone(label, value):
    """One ``label = value`` line of the report, exactly as CPython's ``printone`` writes it."""
    return f"{label:<35}={value:>21,}\n"


def allocator_stats_line(block_name, num_blocks, sizeof_block):
    """A free-list line (``_PyDebugAllocatorStats``), e.g. ``"6 free PyDictObjects * ..."``.

    ``block_name`` is given without the plural ``s`` (``"free PyDictObject"``), as in CPython.
    """
    text = f"{num_blocks} {block_name}s * {sizeof_block} bytes each"
    return printone(f"{text:>48} ", num_blocks * sizeof_block)


def format_debugmallocstats(config, classes, arenas, numfreepools, alignment_bytes,
                            map_mid_count, map_bot_count):
    """Lay out the obmalloc part of ``sys._debugmallocstats()``.

    ``classes`` is the list of :class:`SizeClassStats` for classes with pools, ``arenas`` an
    :class:`ArenaStats`; ``numfreepools`` counts the unused pools of the current arenas
    (emptied ones and never-carved ones), ``alignment_bytes`` the pools lost to misaligned
    arena starts.
    """
    pool_size = config.pool_size
    overhead = config.pool_overhead
    out = [f"Small block threshold = {config.small_request_threshold}, "
           f"in {config.num_size_classes} size classes.\n",
           "\n",
           "class   size   num pools   blocks in use  avail blocks\n"
           "-----   ----   ---------   -------------  ------------\n"]
    allocated_bytes = available_bytes = header_bytes = quantization = 0
    for row in classes:
        out.append(f"{row.idx:5} {row.size:6} {row.num_pools:11} {row.blocks_in_use:15} "
                   f"{row.avail_blocks:13}\n")
        allocated_bytes += row.blocks_in_use * row.size
        available_bytes += row.avail_blocks * row.size
        header_bytes += row.num_pools * overhead
        quantization += row.num_pools * ((pool_size - overhead) % row.size)
    out.append("\n")
    arena_size = config.arena_size
    narenas = arenas.current
    out.append(printone("# arenas allocated total", arenas.allocated_total))
    out.append(printone("# arenas reclaimed", arenas.reclaimed))
    out.append(printone("# arenas highwater mark", arenas.highwater))
    out.append(printone("# arenas allocated current", narenas))
    out.append(printone(f"{narenas} arenas * {arena_size} bytes/arena", narenas * arena_size))
    out.append("\n")
    unused = numfreepools * pool_size
    total = (allocated_bytes + available_bytes + unused + header_bytes + quantization
             + alignment_bytes)
    out.append(printone("# bytes in allocated blocks", allocated_bytes))
    out.append(printone("# bytes in available blocks", available_bytes))
    out.append(printone(f"{numfreepools} unused pools * {pool_size} bytes", unused))
    out.append(printone("# bytes lost to pool headers", header_bytes))
    out.append(printone("# bytes lost to quantization", quantization))
    out.append(printone("# bytes lost to arena alignment", alignment_bytes))
    out.append(printone("Total", total))
    geometry = ArenaMapGeometry.for_arena_size(arena_size)
    out.append("\narena map counts\n")
    out.append(printone("# arena map mid nodes", map_mid_count))
    out.append(printone("# arena map bot nodes", map_bot_count))
    out.append("\n")
    root = geometry.root_bytes
    mid = geometry.mid_bytes * map_mid_count
    bot = geometry.bot_bytes * map_bot_count
    out.append(printone("# bytes lost to arena map root", root))
    out.append(printone("# bytes lost to arena map mid", mid))
    out.append(printone("# bytes lost to arena map bot", bot))
    out.append(printone("Total", root + mid + bot))
    return "".join(out)

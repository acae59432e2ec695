"""pymalloc: CPython 3.11's small-object allocator (Objects/obmalloc.c), as host data structures.

Requests of 1 to ``small_request_threshold`` bytes are served from *size classes* spaced
``alignment`` bytes apart (class ``idx = (nbytes - 1) >> log2(alignment)`` holds blocks of
``(idx + 1) * alignment`` bytes).  Blocks live in *pools* (one pool holds blocks of one class at
a time) and pools live in *arenas*.  Everything else (0 bytes, or more than the threshold)
goes to the raw allocator, as ``_PyObject_Malloc`` falls back to ``PyMem_RawMalloc``.

Every number comes from :class:`heapsim.base.config.MemoryConfig`; the defaults are those of a
64-bit Linux build of 3.11 (16-byte classes up to 512 bytes, 16 KiB pools with a 48-byte header,
1 MiB arenas of 64 pools).

The algorithms follow obmalloc.c step for step, because the order in which blocks, pools and
arenas are reused is what a guest program sees through ``id()`` and
``sys.getallocatedblocks()``.  The representation does not: CPython threads its lists through
the memory it manages, heapsim keeps them in host objects chosen to make ``malloc`` and ``free``
of a small block a handful of attribute operations.

Where heapsim places arenas: CPython gets them from ``mmap``, so their addresses depend on the
kernel.  heapsim places fresh arenas at ``arena_base + k * arena_stride`` for k = 0, 1, 2, ...
and, when an arena has been released, gives its address to the next new arena (the most
recently released address first, LIFO), much as ``mmap`` tends to hand back a hole just
unmapped.  With the default configuration every arena starts on a pool boundary, so it holds all
its pools and "# bytes lost to arena alignment" is 0; a configuration whose ``arena_base`` is not
pool-aligned loses one pool per arena exactly as CPython does.
"""

from heapsim.base.errors import AuditFailure, OutOfMemory, SimulatorBug
from heapsim.memory.limits import effective_limit
from heapsim.base.events import Alloc, Free

from .raw import RawAllocator
from .stats import (ArenaMapGeometry, ArenaStats, SizeClassStats,
                    format_debugmallocstats)

# szidx of a pool that has been carved from its arena but never initialised for a class
# (DUMMY_SIZE_IDX in obmalloc.c).
NO_CLASS = -1


# A Pool models one ``struct pool_header`` and the pool_size bytes it heads.  The first block
# sits ``pool_overhead`` bytes into the pool.  ``count`` is ``ref.count``, the number of blocks
# handed out.  The pool's free list (CPython's ``freeblock`` chain, threaded through the free
# blocks themselves) is the host list ``freelist`` of block addresses, used as a stack: the end
# of the list is the head of CPython's chain, so a freed block is appended and the next
# allocation pops it (LIFO).  ``nextblock`` and ``maxnextblock`` are ``nextoffset`` and
# ``maxnextoffset`` turned into absolute addresses: blocks from ``first`` up to ``nextblock``
# have been carved, and the pool is full once ``nextblock`` passes ``maxnextblock``.  As in
# CPython, the free list of a pool in a used-pools list is never empty: when an allocation
# takes the last entry, the next never-used block is carved onto it at once (or, if there is
# none, the pool is full and leaves the list).  ``nextpool``/``prevpool`` link the pool into
# the doubly-linked list of partly used pools of its class; a full pool is in no list, and an
# empty pool sits in its arena's ``freepools`` stack instead.  ``szidx`` survives emptying, so
# a pool reused for the same class keeps its free list and carving point.
class Pool:
    __slots__ = ("address", "arena", "szidx", "size", "count", "freelist", "first",
                 "nextblock", "maxnextblock", "nextpool", "prevpool")

    def __init__(self, address, arena, overhead):
        self.address = address
        self.arena = arena
        self.szidx = NO_CLASS
        self.size = 0
        self.count = 0
        self.freelist = []
        self.first = address + overhead
        self.nextblock = self.first
        self.maxnextblock = self.first
        self.nextpool = None
        self.prevpool = None

    def carved_blocks(self):
        """Addresses of every block carved so far, in address order."""
        if self.size == 0:
            return range(0)
        return range(self.first, self.nextblock, self.size)

    def __repr__(self):
        return (f"<Pool {self.address:#x} class {self.szidx} size {self.size} "
                f"count {self.count} free {len(self.freelist)}>")


# An Arena models one ``struct arena_object`` and the arena_size bytes it owns.  Pools are cut
# from it in address order by the bump pointer ``pool_address``; pools that became empty wait
# in ``freepools``, a host list used as a stack (end = most recently emptied, CPython's
# singly-linked ``freepools`` head), and are reused before any new pool is carved.
# ``nfreepools`` counts emptied plus never-carved pools; ``ntotalpools`` is the number of pools
# the arena can hold (one fewer when its start is not pool-aligned).  ``nextarena`` and
# ``prevarena`` link the arenas that have a free pool into ``usable_arenas``, kept sorted by
# ascending ``nfreepools`` so the most used arena serves the next pool request and nearly empty
# arenas get the chance to empty completely and be released.  ``pools`` lists the carved pools
# in address order (for statistics and audits; CPython walks the arena memory instead).
class Arena:
    __slots__ = ("address", "pool_address", "nfreepools", "ntotalpools", "freepools",
                 "nextarena", "prevarena", "pools", "first_pool")

    def __init__(self, address, config):
        pool_size = config.pool_size
        self.address = address
        self.nfreepools = config.pools_per_arena
        excess = address & (pool_size - 1)
        if excess:
            self.nfreepools -= 1
            address += pool_size - excess
        self.first_pool = address
        self.pool_address = address
        self.ntotalpools = self.nfreepools
        self.freepools = []
        self.nextarena = None
        self.prevarena = None
        self.pools = []

    def __repr__(self):
        return f"<Arena {self.address:#x} free pools {self.nfreepools}/{self.ntotalpools}>"


# Pymalloc holds the allocator's global state.  ``_usedpools[idx]`` is the head of the list of
# partly used pools of class ``idx`` (None when empty; CPython's ``usedpools`` uses a fudged
# circular header instead); allocation always takes the head.  ``_pools`` maps the address of
# every carved pool of a live arena to its Pool; ``free`` finds a block's pool by masking the
# low bits of its address, and an address whose pool is not there belongs to the raw allocator
# (this plays the part of CPython's arena map, ``address_in_range``).  ``usable_arenas`` and
# ``_nfp2lasta`` are CPython's list of arenas with free pools and its index of the rightmost
# arena with each free-pool count (bpo-37029).  ``_arenas`` maps the address of each live arena
# to its Arena.  The arena map itself is kept only as the sets of radix-tree nodes it would
# have created (``_map_mid``, ``_map_bot``; CPython never frees them), for the statistics.
class Pymalloc:
    """The pymalloc allocator with the raw allocator behind it."""

    tracer = None

    def __init__(self, config, raw=None):
        self.config = config
        self.raw = raw if raw is not None else RawAllocator(config)
        align = config.alignment
        pool_size = config.pool_size
        if align <= 0 or align & (align - 1) or pool_size & (pool_size - 1):
            raise ValueError("alignment and pool_size must be powers of two")
        if config.arena_size % pool_size or config.pools_per_arena < 1:
            raise ValueError("arena_size must be a positive multiple of pool_size")
        if config.small_request_threshold % align:
            raise ValueError("small_request_threshold must be a multiple of alignment")
        if config.pool_overhead % align:
            raise ValueError("pool_overhead must be a multiple of alignment")
        if (pool_size - config.pool_overhead) // config.small_request_threshold < 2:
            raise ValueError("a pool must hold at least two blocks of the largest class")
        self._shift = align.bit_length() - 1
        self._threshold = config.small_request_threshold
        self._overhead = config.pool_overhead
        self._pool_size = pool_size
        self._pool_mask = ~(pool_size - 1)
        self._arena_size = config.arena_size
        self._limit = effective_limit(config.heap_limit)
        nclasses = config.num_size_classes
        self._class_capacity = [(pool_size - config.pool_overhead) // ((i + 1) << self._shift)
                                for i in range(nclasses)]
        self._usedpools = [None] * nclasses
        self._pools = {}
        self._arenas = {}
        self.usable_arenas = None
        self._nfp2lasta = [None] * (config.pools_per_arena + 1)
        self._released_addresses = []
        self._next_fresh_arena = config.arena_base
        self._arena_geometry = ArenaMapGeometry.for_arena_size(config.arena_size)
        self._map_mid = set()
        self._map_bot = set()
        self.ntimes_arena_allocated = 0
        self.narenas_highwater = 0
        self._raw_blocks = 0      # raw_allocated_blocks: raw blocks obtained through malloc

    # -- the hot paths -------------------------------------------------------------------------

    def malloc(self, nbytes):
        """Allocate ``nbytes`` bytes; return the block's address."""
        if 0 < nbytes <= self._threshold:
            idx = (nbytes - 1) >> self._shift
            pool = self._usedpools[idx]
            if pool is not None:
                pool.count += 1
                freelist = pool.freelist
                address = freelist.pop()
                if not freelist:
                    # The free list ran dry: carve the next never-used block onto it, or the
                    # pool is full and leaves its used list (it is the head).
                    block = pool.nextblock
                    if block <= pool.maxnextblock:
                        freelist.append(block)
                        pool.nextblock = block + pool.size
                    else:
                        nextpool = pool.nextpool
                        self._usedpools[idx] = nextpool
                        if nextpool is not None:
                            nextpool.prevpool = None
                            pool.nextpool = None
            else:
                address = self._allocate_from_new_pool(idx, nbytes)
            if self.tracer is not None:
                self.tracer.event(Alloc(address, nbytes, (idx + 1) << self._shift))
            return address
        return self._raw_malloc(nbytes)

    def free(self, address):
        """Free the block at ``address`` (pymalloc or raw)."""
        pool = self._pools.get(address & self._pool_mask)
        if pool is None:
            self._raw_free(address)
            return
        if self.tracer is not None:
            self.tracer.event(Free(address))
        freelist = pool.freelist
        if freelist:
            freelist.append(address)
            pool.count -= 1
            if pool.count <= 0:
                self._pool_emptied(pool)
        else:
            # The pool was full: it goes back to the front of its class's used list.
            freelist.append(address)
            pool.count -= 1
            idx = pool.szidx
            head = self._usedpools[idx]
            pool.nextpool = head
            pool.prevpool = None
            if head is not None:
                head.prevpool = pool
            self._usedpools[idx] = pool

    def realloc(self, address, nbytes):
        """Resize the block at ``address``; return its (possibly new) address.

        A pymalloc block stays in place when ``nbytes`` fits its class and does not shrink it
        by 25% or more (``4 * nbytes > 3 * size``); otherwise a new block is allocated and the
        old one freed (even when the new size is a raw size, or 0).  A raw block stays with the
        raw allocator, whatever the new size.  ``address`` 0 is a plain ``malloc``.
        """
        if not address:
            return self.malloc(nbytes)
        pool = self._pools.get(address & self._pool_mask)
        if pool is None:
            return self._raw_realloc(address, nbytes)
        size = pool.size
        if nbytes <= size and 4 * nbytes > 3 * size:
            return address
        new = self.malloc(nbytes)
        self.free(address)
        return new

    # -- queries -------------------------------------------------------------------------------

    def block_size(self, address):
        """Usable size of the block at ``address``: its class size, or the raw request size."""
        pool = self._pools.get(address & self._pool_mask)
        if pool is None:
            return self.raw.block_size(address)
        return pool.size

    def owns(self, address):
        """True if ``address`` lies in a carved pool of a live arena (pymalloc, not raw).

        CPython's ``address_in_range`` answers for the whole arena; the two differ only for
        addresses in never-carved pools, where no block was ever handed out.
        """
        return (address & self._pool_mask) in self._pools

    def allocated_blocks(self):
        """What ``sys.getallocatedblocks()`` reports: pymalloc blocks plus raw blocks in use."""
        n = self._raw_blocks
        for pool in self._pools.values():
            n += pool.count
        return n

    def live_blocks(self):
        """Every allocated block as ``(address, block size)``: pymalloc blocks, then raw ones."""
        for arena in sorted(self._arenas.values(), key=_by_address):
            for pool in arena.pools:
                if pool.count:
                    free = set(pool.freelist)
                    size = pool.size
                    for block in pool.carved_blocks():
                        if block not in free:
                            yield block, size
        yield from self.raw.live_blocks()

    def arenas(self):
        """The live arenas in address order."""
        return sorted(self._arenas.values(), key=_by_address)

    def usable_arena_list(self):
        """The arenas of ``usable_arenas`` in list order."""
        result = []
        arena = self.usable_arenas
        while arena is not None:
            result.append(arena)
            arena = arena.nextarena
        return result

    def used_pools(self, idx):
        """The pools of class ``idx``'s used list in list order (the head serves next)."""
        result = []
        pool = self._usedpools[idx]
        while pool is not None:
            result.append(pool)
            pool = pool.nextpool
        return result

    def pool_of(self, address):
        """The Pool holding ``address``, or None for an address outside pymalloc."""
        return self._pools.get(address & self._pool_mask)

    def size_class_stats(self):
        """Per-class records (:class:`SizeClassStats`) for the classes that have pools in use."""
        pools = [0] * len(self._usedpools)
        used = [0] * len(self._usedpools)
        for pool in self._pools.values():
            if pool.count:
                pools[pool.szidx] += 1
                used[pool.szidx] += pool.count
        capacity = self._class_capacity
        shift = self._shift
        return [SizeClassStats(idx, (idx + 1) << shift, n, used[idx],
                               n * capacity[idx] - used[idx])
                for idx, n in enumerate(pools) if n]

    def arena_stats(self):
        """The arena counters of ``_debugmallocstats`` as an :class:`ArenaStats`."""
        current = len(self._arenas)
        return ArenaStats(self.ntimes_arena_allocated, self.ntimes_arena_allocated - current,
                          self.narenas_highwater, current)

    def debugmallocstats(self):
        """The obmalloc part of ``sys._debugmallocstats()``, in CPython's layout."""
        numfreepools = sum(arena.nfreepools for arena in self._arenas.values())
        misaligned = sum(1 for arena in self._arenas.values()
                         if arena.first_pool != arena.address)
        return format_debugmallocstats(self.config, self.size_class_stats(), self.arena_stats(),
                                       numfreepools, misaligned * self._pool_size,
                                       len(self._map_mid), len(self._map_bot))

    # -- slow paths of malloc ------------------------------------------------------------------

    def _raw_malloc(self, nbytes):
        if nbytes < 0:
            raise SimulatorBug(f"malloc of a negative size ({nbytes})")
        address = self.raw.malloc(nbytes)
        self._raw_blocks += 1
        if self.tracer is not None:
            self.tracer.event(Alloc(address, nbytes, 0))
        return address

    def _allocate_from_new_pool(self, idx, nbytes):
        """No used pool for class ``idx``: take a pool from the first usable arena."""
        nfp2lasta = self._nfp2lasta
        arena = self.usable_arenas
        if arena is None:
            arena = self._new_arena(nbytes)
            self.usable_arenas = arena
            nfp2lasta[arena.nfreepools] = arena
        nf = arena.nfreepools
        # The head has the smallest count; taking a pool keeps it the smallest.
        if nfp2lasta[nf] is arena:
            nfp2lasta[nf] = None
        if nf > 1:
            nfp2lasta[nf - 1] = arena
        if arena.freepools:
            pool = arena.freepools.pop()
        else:
            pool = Pool(arena.pool_address, arena, self._overhead)
            arena.pool_address += self._pool_size
            arena.pools.append(pool)
            self._pools[pool.address] = pool
        arena.nfreepools = nf - 1
        if nf == 1:
            # Wholly allocated: the arena leaves usable_arenas.
            following = arena.nextarena
            self.usable_arenas = following
            if following is not None:
                following.prevarena = None
            arena.nextarena = None
        # The pool becomes the only member of its class's used list.
        pool.nextpool = None
        pool.prevpool = None
        self._usedpools[idx] = pool
        pool.count = 1
        if pool.szidx == idx:
            # Last used for this class: its free list is still valid.
            freelist = pool.freelist
            address = freelist.pop()
            if not freelist:
                self._extend_or_unlink_full(pool, idx)
            return address
        # (Re)initialise for this class: hand out the first block, put the second on the free
        # list, and carve the rest later.
        size = (idx + 1) << self._shift
        pool.szidx = idx
        pool.size = size
        address = pool.first
        pool.freelist = [address + size]
        pool.nextblock = address + 2 * size
        pool.maxnextblock = pool.address + self._pool_size - size
        return address

    def _extend_or_unlink_full(self, pool, idx):
        block = pool.nextblock
        if block <= pool.maxnextblock:
            pool.freelist.append(block)
            pool.nextblock = block + pool.size
        else:
            self._unlink_used(pool, idx)

    def _unlink_used(self, pool, idx):
        prev = pool.prevpool
        nextpool = pool.nextpool
        if prev is None:
            self._usedpools[idx] = nextpool
        else:
            prev.nextpool = nextpool
        if nextpool is not None:
            nextpool.prevpool = prev
        pool.nextpool = pool.prevpool = None

    def _new_arena(self, nbytes):
        limit = self._limit
        arena_size = self._arena_size
        if limit is not None and \
                (len(self._arenas) + 1) * arena_size + self.raw.live_bytes > limit:
            raise OutOfMemory(nbytes, limit)
        if self._released_addresses:
            address = self._released_addresses.pop()
        else:
            address = self._next_fresh_arena
            self._next_fresh_arena += self.config.arena_stride
        arena = Arena(address, self.config)
        self._arenas[address] = arena
        self.raw.reserved += arena_size
        self.ntimes_arena_allocated += 1
        if len(self._arenas) > self.narenas_highwater:
            self.narenas_highwater = len(self._arenas)
        # Record the arena map nodes marking this arena would create: one entry, or two when
        # the arena straddles an arena-size boundary.
        geometry = self._arena_geometry
        for covered in ((address,) if address % arena_size == 0
                        else (address, address + arena_size)):
            mid, bot = geometry.node_keys(covered)
            self._map_mid.add(mid)
            self._map_bot.add(bot)
        return arena

    # -- slow paths of free --------------------------------------------------------------------

    def _raw_free(self, address):
        if not address:
            return                  # free(NULL) does nothing
        self.raw.free(address)
        self._raw_blocks -= 1
        if self.tracer is not None:
            self.tracer.event(Free(address))

    def _raw_realloc(self, address, nbytes):
        new = self.raw.realloc(address, nbytes)
        if self.tracer is not None:
            # Reported as the old block's end and the new block's start, even in place.
            self.tracer.event(Alloc(new, nbytes, 0))
            self.tracer.event(Free(address))
        return new

    def _pool_emptied(self, pool):
        """The pool's last block was freed: move it to its arena's free pools, fix the arena."""
        if pool.count < 0:
            pool.freelist.pop()
            pool.count = 0
            raise SimulatorBug(f"free of a block in an empty pool at {pool.address:#x}")
        self._unlink_used(pool, pool.szidx)
        arena = pool.arena
        arena.freepools.append(pool)
        nfp2lasta = self._nfp2lasta
        nf = arena.nfreepools
        lastnf = nfp2lasta[nf]
        if lastnf is arena:
            prev = arena.prevarena
            nfp2lasta[nf] = prev if prev is not None and prev.nfreepools == nf else None
        nf += 1
        arena.nfreepools = nf

        if nf == arena.ntotalpools and arena.nextarena is not None:
            # Wholly free and not the last usable arena: give it back (bpo-37257 keeps the
            # last one to avoid thrashing).
            prev = arena.prevarena
            following = arena.nextarena
            if prev is None:
                self.usable_arenas = following
            else:
                prev.nextarena = following
            following.prevarena = prev
            self._release_arena(arena)
            return

        if nf == 1:
            # The arena was full, so not in usable_arenas: it goes to the head.
            head = self.usable_arenas
            arena.nextarena = head
            arena.prevarena = None
            if head is not None:
                head.prevarena = arena
            self.usable_arenas = arena
            if nfp2lasta[1] is None:
                nfp2lasta[1] = arena
            return

        if nfp2lasta[nf] is None:
            nfp2lasta[nf] = arena
        if arena is lastnf:
            # Already the rightmost of its old count: the order still holds.
            return
        # Slide right, to just after the rightmost arena with the old count.
        prev = arena.prevarena
        following = arena.nextarena
        if prev is None:
            self.usable_arenas = following
        else:
            prev.nextarena = following
        following.prevarena = prev
        arena.prevarena = lastnf
        arena.nextarena = lastnf.nextarena
        if arena.nextarena is not None:
            arena.nextarena.prevarena = arena
        lastnf.nextarena = arena

    def _release_arena(self, arena):
        del self._arenas[arena.address]
        for pool in arena.pools:
            del self._pools[pool.address]
        arena.nextarena = arena.prevarena = None
        self._released_addresses.append(arena.address)
        self.raw.reserved -= self._arena_size

    # -- consistency ---------------------------------------------------------------------------

    def check(self):
        """Verify every invariant of the allocator; raise AuditFailure on the first broken one."""
        _Checker(self).run()


def _by_address(obj):
    return obj.address


class _Checker:
    """The audit of :meth:`Pymalloc.check`, kept apart from the allocator's hot code."""

    def __init__(self, allocator):
        self.a = allocator

    def fail(self, message):
        raise AuditFailure(f"pymalloc: {message}")

    def run(self):
        in_used_list = self.check_used_lists()
        self.check_arenas(in_used_list)
        self.check_usable_arenas()
        self.check_totals()

    def check_used_lists(self):
        a = self.a
        seen = {}
        for idx, head in enumerate(a._usedpools):
            prev = None
            pool = head
            while pool is not None:
                if id(pool) in seen:
                    self.fail(f"pool {pool.address:#x} appears twice in the used lists "
                              f"(classes {seen[id(pool)]} and {idx})")
                seen[id(pool)] = idx
                if pool.prevpool is not prev:
                    self.fail(f"pool {pool.address:#x} in used list {idx} has a wrong prevpool")
                if pool.szidx != idx:
                    self.fail(f"pool {pool.address:#x} of class {pool.szidx} is in the used "
                              f"list of class {idx}")
                if a._pools.get(pool.address) is not pool:
                    self.fail(f"pool {pool.address:#x} in used list {idx} is not a carved "
                              f"pool of a live arena")
                prev = pool
                pool = pool.nextpool
        return seen

    def check_arenas(self, in_used_list):
        a = self.a
        pool_size = a._pool_size
        shift = a._shift
        all_pools = {}
        spans = []
        for address, arena in a._arenas.items():
            if arena.address != address:
                self.fail(f"arena registered at {address:#x} has address {arena.address:#x}")
            spans.append((address, address + a._arena_size))
            end = arena.first_pool + arena.ntotalpools * pool_size
            if end > address + a._arena_size or arena.first_pool & (pool_size - 1):
                self.fail(f"{arena!r}: pools do not fit the arena")
            carved = (arena.pool_address - arena.first_pool) // pool_size
            if not (arena.first_pool <= arena.pool_address <= end) or \
                    (arena.pool_address - arena.first_pool) % pool_size:
                self.fail(f"{arena!r}: pool_address {arena.pool_address:#x} out of range")
            if len(arena.pools) != carved:
                self.fail(f"{arena!r}: {len(arena.pools)} pools recorded, {carved} carved")
            free_ids = set()
            for pool in arena.freepools:
                if id(pool) in free_ids:
                    self.fail(f"pool {pool.address:#x} is twice in its arena's freepools")
                free_ids.add(id(pool))
                if pool.arena is not arena:
                    self.fail(f"pool {pool.address:#x} is in the freepools of another arena")
            uncarved = (end - arena.pool_address) // pool_size
            if arena.nfreepools != len(arena.freepools) + uncarved:
                self.fail(f"{arena!r}: nfreepools is {arena.nfreepools}, but "
                          f"{len(arena.freepools)} pools are free and {uncarved} uncarved")
            if not 0 <= arena.nfreepools <= arena.ntotalpools:
                self.fail(f"{arena!r}: nfreepools out of range")
            for k, pool in enumerate(arena.pools):
                expected = arena.first_pool + k * pool_size
                if pool.address != expected:
                    self.fail(f"{arena!r}: pool {k} is at {pool.address:#x}, expected "
                              f"{expected:#x}")
                if pool.arena is not arena:
                    self.fail(f"pool {pool.address:#x} does not point to its arena")
                all_pools[pool.address] = pool
                self.check_pool(pool, id(pool) in free_ids, id(pool) in in_used_list, shift)
        if all_pools.keys() != a._pools.keys() or \
                any(a._pools[k] is not v for k, v in all_pools.items()):
            self.fail("the pool map does not match the carved pools of the live arenas")
        spans.sort()
        for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
            if s2 < e1:
                self.fail(f"arenas at {s1:#x} and {s2:#x} overlap")
        raw_start, raw_end = a.raw.region()
        for start, end in spans:
            if start < raw_end and raw_start < end:
                self.fail(f"arena at {start:#x} overlaps the raw region")

    def check_pool(self, pool, in_freepools, in_used, shift):
        where = f"pool {pool.address:#x}"
        if pool.count == 0:
            if not in_freepools:
                self.fail(f"{where} is empty but not in its arena's freepools")
            if in_used:
                self.fail(f"{where} is empty but in a used list")
            if pool.szidx == NO_CLASS:
                return
        elif in_freepools:
            self.fail(f"{where} has {pool.count} blocks in use but is in freepools")
        if pool.szidx == NO_CLASS:
            self.fail(f"{where} is in use but was never initialised")
        idx = pool.szidx
        a = self.a
        if not 0 <= idx < len(a._usedpools):
            self.fail(f"{where} has size class {idx}")
        size = (idx + 1) << shift
        if pool.size != size:
            self.fail(f"{where} of class {idx} has block size {pool.size}")
        if pool.maxnextblock != pool.address + a._pool_size - size:
            self.fail(f"{where}: maxnextblock is wrong")
        span = pool.nextblock - pool.first
        if span < 2 * size or span % size or pool.nextblock > pool.maxnextblock + size:
            self.fail(f"{where}: carving point {pool.nextblock:#x} is out of range")
        carved = span // size
        freelist = pool.freelist
        free = set(freelist)
        if len(free) != len(freelist):
            self.fail(f"{where}: a block is on the free list twice (double free)")
        for block in freelist:
            if not pool.first <= block < pool.nextblock or (block - pool.first) % size:
                self.fail(f"{where}: free-list entry {block:#x} is not a carved block")
        if pool.count + len(freelist) != carved:
            self.fail(f"{where}: {pool.count} blocks in use and {len(freelist)} free, but "
                      f"{carved} carved")
        if pool.count == 0:
            return
        if pool.count > a._class_capacity[idx]:
            self.fail(f"{where}: {pool.count} blocks in use, more than fit")
        if freelist:
            if not in_used:
                self.fail(f"{where} has free blocks but is not in its class's used list")
        else:
            if pool.nextblock <= pool.maxnextblock:
                self.fail(f"{where} has an empty free list but uncarved blocks")
            if in_used:
                self.fail(f"{where} is full but in a used list")

    def check_usable_arenas(self):
        a = self.a
        seen = set()
        prev = None
        arena = a.usable_arenas
        last_with = {}
        order = []
        while arena is not None:
            if id(arena) in seen:
                self.fail("usable_arenas has a cycle")
            seen.add(id(arena))
            if a._arenas.get(arena.address) is not arena:
                self.fail(f"{arena!r} in usable_arenas is not a live arena")
            if arena.prevarena is not prev:
                self.fail(f"{arena!r} has a wrong prevarena")
            if prev is not None and prev.nfreepools > arena.nfreepools:
                self.fail(f"usable_arenas is not sorted: {prev!r} before {arena!r}")
            if arena.nfreepools == 0:
                self.fail(f"full {arena!r} is in usable_arenas")
            if arena.nfreepools == arena.ntotalpools and arena.nextarena is not None:
                self.fail(f"wholly free {arena!r} was kept although it is not the last "
                          f"usable arena")
            last_with[arena.nfreepools] = arena
            order.append(arena)
            prev = arena
            arena = arena.nextarena
        for arena in a._arenas.values():
            if arena.nfreepools and id(arena) not in seen:
                self.fail(f"{arena!r} has free pools but is not in usable_arenas")
        for nf, arena in enumerate(a._nfp2lasta):
            if arena is not last_with.get(nf):
                self.fail(f"nfp2lasta[{nf}] is {arena!r}, expected {last_with.get(nf)!r}")

    def check_totals(self):
        a = self.a
        current = len(a._arenas)
        if a.ntimes_arena_allocated < current or a.narenas_highwater < current or \
                a.narenas_highwater > a.ntimes_arena_allocated:
            self.fail(f"arena counters inconsistent: total {a.ntimes_arena_allocated}, "
                      f"highwater {a.narenas_highwater}, current {current}")
        if a.raw.reserved != current * a._arena_size:
            self.fail(f"the raw allocator counts {a.raw.reserved} arena bytes, "
                      f"expected {current * a._arena_size}")
        a.raw.check()
        if not 0 <= a._raw_blocks <= a.raw.allocated_blocks():
            self.fail(f"{a._raw_blocks} raw blocks counted, the raw allocator has "
                      f"{a.raw.allocated_blocks()}")
        stats = a.size_class_stats()
        pooled = sum(row.blocks_in_use for row in stats)
        if a.allocated_blocks() != pooled + a._raw_blocks:
            self.fail("allocated_blocks disagrees with the per-class statistics")
        live = sum(1 for address, size in a.live_blocks() if a.owns(address))
        if live != pooled:
            self.fail(f"{live} live pymalloc blocks found, {pooled} counted")

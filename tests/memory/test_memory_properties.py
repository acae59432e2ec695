"""Random malloc/free/realloc sequences, checked after every step against the reference.

After each step: ``check()`` of both allocators; the same number of allocated blocks; live
blocks disjoint, each at least as big as requested, and exactly the blocks the test holds;
at most one wholly free arena, and only as the last usable arena.  Along the way: a block
freed into the pool that heads its class's used list is the next block of that class handed
out (LIFO), and realloc stays in place exactly when ``4 * nbytes > 3 * size`` allows.

The machines differ in configuration: ``TestSmallConfig`` (the 1,000-example run) uses 2 KiB
pools and 2-pool arenas so that arenas fill, empty and are released within 30 steps; the
others use CPython's own sizes, a heap limit, only the largest classes (arena reordering), and
arenas that do not start on a pool boundary.
"""

import dataclasses

from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import (Bundle, RuleBasedStateMachine, consumes, invariant, multiple,
                                 rule)

from heapsim.base.config import MemoryConfig
from heapsim.base.errors import OutOfMemory
from heapsim.memory import Pymalloc, ReferenceAllocator
from memory_spec import SMALL

# Weighted to small requests, with the edges (0, class boundaries, the threshold) common.
SIZES = st.one_of(st.integers(1, 64), st.integers(1, 512), st.integers(0, 2000),
                  st.sampled_from([0, 1, 16, 17, 496, 512, 513]))
# The machine's own ``sizes`` (a subclass may narrow them).
SIZES_OF_MACHINE = st.runner().flatmap(lambda machine: machine.sizes)


class AllocatorMachine(RuleBasedStateMachine):
    config = SMALL
    sizes = SIZES

    handles = Bundle("handles")

    def __init__(self):
        super().__init__()
        self.m = Pymalloc(self.config)
        self.ref = ReferenceAllocator(self.config)
        self.held = {}              # handle -> [pymalloc address, reference address, request]
        self.counter = 0
        self.expected = {}          # class index -> the address its next malloc must return

    def _class_of(self, nbytes):
        if 0 < nbytes <= self.config.small_request_threshold:
            return (nbytes - 1) // self.config.alignment
        return None

    def _expect_reuse(self, nbytes, address):
        idx = self._class_of(nbytes)
        if idx is not None and idx in self.expected:
            assert address == self.expected.pop(idx), "LIFO reuse of the block freed last"

    def _free(self, address):
        """Free ``address`` and note what the next request of its class must get.

        If the block's pool is the head of its class's used list afterwards, that request
        gets this very block back; otherwise (the pool emptied, or another pool is first)
        the test expects nothing in particular.
        """
        pool = self.m.pool_of(address)
        self.m.free(address)
        if pool is not None:
            if pool.count > 0 and self.m.used_pools(pool.szidx)[0] is pool:
                self.expected[pool.szidx] = address
            else:
                self.expected.pop(pool.szidx, None)

    def _malloc(self, nbytes):
        """Allocate in both allocators; return the new handle, or None if out of memory."""
        before = self.m.allocated_blocks()
        try:
            address = self.m.malloc(nbytes)
        except OutOfMemory:
            event("out of memory")
            assert self.config.heap_limit is not None
            assert self.m.allocated_blocks() == before
            return None             # a handle of None stands for a failed allocation
        self._expect_reuse(nbytes, address)
        handle = self.counter
        self.counter += 1
        self.held[handle] = [address, self.ref.malloc(nbytes), nbytes]
        return handle

    @rule(target=handles, nbytes=SIZES_OF_MACHINE)
    def malloc(self, nbytes):
        return self._malloc(nbytes)

    @rule(target=handles, count=st.integers(2, 12), nbytes=SIZES_OF_MACHINE)
    def malloc_many(self, count, nbytes):
        """Several blocks of one size: fills pools and arenas within a few steps."""
        return multiple(*(self._malloc(nbytes) for _ in range(count)))

    @rule(handle=consumes(handles))
    def free(self, handle):
        if handle not in self.held:         # a failed allocation, or freed by free_many
            return
        address, ref_address, _ = self.held.pop(handle)
        self._free(address)
        self.ref.free(ref_address)

    @rule(target=handles, handle=consumes(handles),
          nbytes=SIZES_OF_MACHINE)
    def realloc(self, handle, nbytes):
        if handle not in self.held:
            return None
        entry = self.held.pop(handle)
        address, ref_address, _ = entry
        owned, old_size = self.m.owns(address), self.m.block_size(address)
        before = self.m.allocated_blocks()
        pool = self.m.pool_of(address)
        try:
            new = self.m.realloc(address, nbytes)
        except OutOfMemory:
            event("out of memory")
            assert self.config.heap_limit is not None
            assert self.m.allocated_blocks() == before
            self.held[handle] = entry
            return handle
        if owned:
            in_place = nbytes <= old_size and 4 * nbytes > 3 * old_size
            assert (new == address) is in_place
            if not in_place:
                self._expect_reuse(nbytes, new)
                if pool.count > 0 and self.m.used_pools(pool.szidx)[0] is pool:
                    self.expected[pool.szidx] = address
                else:
                    self.expected.pop(pool.szidx, None)
        else:
            assert not self.m.owns(new), "a raw block stays raw"
        self.held[handle] = [new, self.ref.realloc(ref_address, nbytes), nbytes]
        return handle

    def teardown(self):
        stats = self.m.arena_stats()
        if stats.reclaimed:
            event("an arena was released")
        if stats.allocated_total > 1:
            event("more than one arena")

    @rule(stride=st.integers(1, 3))
    def free_many(self, stride):
        """Free every stride-th held block, oldest first: empties pools and arenas."""
        for handle in sorted(self.held)[::stride]:
            address, ref_address, _ = self.held.pop(handle)
            self._free(address)
            self.ref.free(ref_address)

    @invariant()
    def consistent(self):
        m, ref = self.m, self.ref
        m.check()
        ref.check()
        assert m.allocated_blocks() == ref.allocated_blocks() == len(self.held)
        live = sorted(m.live_blocks())
        for (a, size), (b, _) in zip(live, live[1:]):
            assert a + size <= b, f"blocks {a:#x}+{size} and {b:#x} overlap"
        sizes = dict(live)
        assert len(sizes) == len(live)
        assert set(sizes) == {entry[0] for entry in self.held.values()}
        for address, ref_address, request in self.held.values():
            assert ref.block_size(ref_address) == max(request, 1)
            assert sizes[address] >= max(request, 1)
            assert m.block_size(address) == sizes[address]
        usable = m.usable_arena_list()
        wholly_free = [a for a in m.arenas() if a.nfreepools == a.ntotalpools]
        assert len(wholly_free) <= 1
        if wholly_free:
            assert usable[-1] is wholly_free[0]


class SmallConfigMachine(AllocatorMachine):
    # 2 KiB pools, 2 pools an arena: a few steps make several arenas and release them.
    config = dataclasses.replace(SMALL, arena_size=4096, arena_stride=4096)


class DefaultConfigMachine(AllocatorMachine):
    config = MemoryConfig()


class LimitedMachine(AllocatorMachine):
    config = dataclasses.replace(SMALL, heap_limit=2 * SMALL.arena_size)


class ArenaChurnMachine(AllocatorMachine):
    # Only the largest classes (3 to 5 blocks a pool, 4 pools an arena): arenas fill, empty
    # and get reordered within a few steps, which exercises usable_arenas and nfp2lasta.
    sizes = st.integers(385, 512)
    config = SMALL


class OddlyPlacedMachine(AllocatorMachine):
    # Arenas that do not start on a pool boundary hold one pool fewer (CPython's excess).
    config = dataclasses.replace(SMALL, arena_base=SMALL.arena_base + 1024)


_common = dict(deadline=None, stateful_step_count=30,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])

TestSmallConfig = SmallConfigMachine.TestCase
TestSmallConfig.settings = settings(max_examples=1000, **_common)

TestDefaultConfig = DefaultConfigMachine.TestCase
TestDefaultConfig.settings = settings(max_examples=150, **_common)

TestHeapLimit = LimitedMachine.TestCase
TestHeapLimit.settings = settings(max_examples=150, **_common)

TestArenaChurn = ArenaChurnMachine.TestCase
TestArenaChurn.settings = settings(max_examples=300, **_common)

TestMisalignedArenas = OddlyPlacedMachine.TestCase
TestMisalignedArenas.settings = settings(max_examples=100, **_common)

"""The raw allocator: what ``PyMem_RawMalloc`` reaches, i.e. the C library's ``malloc``.

CPython sends two kinds of request past pymalloc to the C library: requests of more than
``small_request_threshold`` bytes, and requests of 0 bytes (``_PyMem_RawMalloc`` turns size 0
into ``malloc(1)``).  heapsim gives those blocks addresses in a region of their own, starting at
``MemoryConfig.raw_base``, far from the arenas, as glibc's heap is far from the ``mmap`` area
where arenas live.

This allocator is *glibc-like, not glibc*.  It keeps the features a guest program can observe
through ``id()`` and that are cheap to keep, and nothing else:

* every chunk has a header of ``raw_header`` bytes in front of the user data, and user sizes are
  rounded up to ``raw_alignment``, so consecutive fresh blocks are spaced
  ``raw_header + round_up(n)`` apart and every address is ``raw_alignment``-aligned;
* a freed chunk is kept in a bin for its exact chunk size and handed out again, last freed
  first (LIFO), to the next request of the same rounded size (glibc's tcache and fast bins
  behave like this for small chunks);
* otherwise a new chunk is cut from the top of the region (a bump pointer).

It never splits or coalesces chunks and never returns memory, and its ``realloc`` stays in place
only when the rounded chunk size does not change (glibc can also shrink in place, or grow into
a free neighbour).  glibc's ``mmap`` threshold for very large requests is not modelled either.
"""

from heapsim.base.errors import AuditFailure, OutOfMemory, SimulatorBug
from heapsim.memory.limits import effective_limit


class RawAllocator:
    """A region of raw (C ``malloc``) chunks.

    ``_live`` maps the user address of every chunk in use to its request size (what
    ``block_size`` reports; 0 was turned into 1).  ``_bins`` maps a chunk size to the host list
    of user addresses of freed chunks of that size; the end of the list is the most recently
    freed one.  ``_top`` is the start of the never-used part of the region.  ``live_bytes`` is
    the footprint (header included) of the chunks in use; ``reserved`` is the number of bytes
    other allocators sharing the same heap limit hold (pymalloc keeps its arena bytes there), so
    that ``config.heap_limit`` caps the sum.
    """

    def __init__(self, config):
        self.config = config
        align = config.raw_alignment
        if align <= 0 or align & (align - 1):
            raise ValueError("raw_alignment must be a power of two")
        if config.raw_base % align or config.raw_header % align:
            raise ValueError("raw_base and raw_header must be multiples of raw_alignment")
        self._align_mask = align - 1
        self._header = config.raw_header
        self._top = config.raw_base
        self._live = {}
        self._bins = {}
        self.live_bytes = 0
        self.reserved = 0
        self.limit = effective_limit(config.heap_limit)

    # -- sizes ---------------------------------------------------------------------------------

    def chunk_size(self, nbytes):
        """Footprint of a chunk holding a request of ``nbytes`` (0 counts as 1)."""
        if nbytes < 1:
            nbytes = 1
        mask = self._align_mask
        return self._header + ((nbytes + mask) & ~mask)

    # -- the allocator API ---------------------------------------------------------------------

    def malloc(self, nbytes):
        """Return the user address of a new chunk of at least ``nbytes`` bytes."""
        if nbytes < 1:
            if nbytes < 0:
                raise SimulatorBug(f"raw malloc of a negative size ({nbytes})")
            nbytes = 1
        mask = self._align_mask
        chunk = self._header + ((nbytes + mask) & ~mask)
        limit = self.limit
        if limit is not None and self.live_bytes + chunk + self.reserved > limit:
            raise OutOfMemory(nbytes, limit)
        binned = self._bins.get(chunk)
        if binned:
            address = binned.pop()
        else:
            address = self._top + self._header
            self._top += chunk
        self._live[address] = nbytes
        self.live_bytes += chunk
        return address

    def free(self, address):
        """Give the chunk at ``address`` back; it goes on its size's bin (LIFO)."""
        try:
            nbytes = self._live.pop(address)
        except KeyError:
            raise SimulatorBug(f"raw free of an address that is not a live raw block: "
                               f"{address:#x}") from None
        mask = self._align_mask
        chunk = self._header + ((nbytes + mask) & ~mask)
        self.live_bytes -= chunk
        binned = self._bins.get(chunk)
        if binned is None:
            self._bins[chunk] = [address]
        else:
            binned.append(address)

    def realloc(self, address, nbytes):
        """Resize a chunk: in place when the rounded size is unchanged, else move it.

        A move allocates the new chunk before freeing the old one (so the old chunk is never
        its own successor), as ``realloc`` copies before it frees.  ``address`` 0 (NULL) is a
        plain ``malloc``.
        """
        if not address:
            return self.malloc(nbytes)
        old = self._live.get(address)
        if old is None:
            raise SimulatorBug(f"raw realloc of an address that is not a live raw block: "
                               f"{address:#x}")
        if nbytes < 1:
            nbytes = 1
        if self.chunk_size(nbytes) == self.chunk_size(old):
            self._live[address] = nbytes
            return address
        new = self.malloc(nbytes)
        self.free(address)
        return new

    def block_size(self, address):
        """The request size of the live chunk at ``address``."""
        try:
            return self._live[address]
        except KeyError:
            raise SimulatorBug(f"not a live raw block: {address:#x}") from None

    def owns(self, address):
        """True if ``address`` is the user address of a live raw chunk."""
        return address in self._live

    def allocated_blocks(self):
        return len(self._live)

    def live_blocks(self):
        """Every chunk in use as ``(address, request size)``, in address order."""
        return iter(sorted(self._live.items()))

    def region(self):
        """``(start, end)`` of the part of the raw region used so far."""
        return self.config.raw_base, self._top

    # -- consistency ---------------------------------------------------------------------------

    def check(self):
        """Verify that live and binned chunks tile the used region exactly, without overlap."""
        header = self._header
        mask = self._align_mask
        chunks = []
        live_bytes = 0
        for address, nbytes in self._live.items():
            if nbytes < 1:
                raise AuditFailure(f"raw block {address:#x} has request size {nbytes}")
            chunk = self.chunk_size(nbytes)
            live_bytes += chunk
            chunks.append((address - header, chunk, "live"))
        for chunk, addresses in self._bins.items():
            for address in addresses:
                if address in self._live:
                    raise AuditFailure(f"raw block {address:#x} is both live and free")
                chunks.append((address - header, chunk, "free"))
        if live_bytes != self.live_bytes:
            raise AuditFailure(f"raw live_bytes is {self.live_bytes}, chunks add up to "
                               f"{live_bytes}")
        chunks.sort()
        position = self.config.raw_base
        for start, chunk, state in chunks:
            if start & mask:
                raise AuditFailure(f"raw chunk at {start:#x} is misaligned")
            if start != position:
                what = "overlaps its predecessor" if start < position else "leaves a gap"
                raise AuditFailure(f"{state} raw chunk at {start:#x} {what} "
                                   f"(expected it at {position:#x})")
            position = start + chunk
        if position != self._top:
            raise AuditFailure(f"raw chunks end at {position:#x} but the top is {self._top:#x}")

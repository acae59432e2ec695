"""A trivially correct allocator to compare the real ones against in property tests.

It has the allocator API (``malloc``, ``free``, ``realloc``, ``block_size``, ``owns``,
``allocated_blocks``, ``live_blocks``, ``check``) and none of the policy: every block gets a
fresh address from a bump pointer (aligned like pymalloc's blocks and never reused), ``realloc``
always moves, and a block's size is exactly what was asked for (0 counts as 1, as
``PyMem_RawMalloc`` counts it).  What it knows for certain is how many blocks are live and how
big each must at least be; the property tests hold pymalloc to that.
"""

from heapsim.base.errors import AuditFailure, SimulatorBug


# The whole state is one dict from block address to requested size, and the bump pointer.
class ReferenceAllocator:
    tracer = None

    def __init__(self, config, base=None):
        self.config = config
        self._align = config.alignment
        self._next = config.arena_base if base is None else base
        self._live = {}

    def malloc(self, nbytes):
        if nbytes < 0:
            raise SimulatorBug(f"malloc of a negative size ({nbytes})")
        size = nbytes if nbytes > 0 else 1
        address = self._next
        self._next += -(-size // self._align) * self._align
        self._live[address] = size
        return address

    def free(self, address):
        if self._live.pop(address, None) is None:
            raise SimulatorBug(f"free of an address that is not a live block: {address:#x}")

    def realloc(self, address, nbytes):
        if not address:
            return self.malloc(nbytes)
        if address not in self._live:
            raise SimulatorBug(f"realloc of an address that is not a live block: {address:#x}")
        new = self.malloc(nbytes)
        self.free(address)
        return new

    def block_size(self, address):
        return self._live[address]

    def owns(self, address):
        return address in self._live

    def allocated_blocks(self):
        return len(self._live)

    def live_blocks(self):
        return iter(sorted(self._live.items()))

    def check(self):
        end = None
        for address, size in sorted(self._live.items()):
            if size < 1 or address % self._align:
                raise AuditFailure(f"reference: bad block {address:#x} of size {size}")
            if end is not None and address < end:
                raise AuditFailure(f"reference: block {address:#x} overlaps its predecessor")
            end = address + size

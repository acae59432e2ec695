"""The heap limit: its default, and the check made before the host builds a large payload.

Every run has a heap limit.  ``--max-heap`` sets it; without it the limit is a share of the
machine's physical memory (``default_heap_limit``), so that no guest program can take the
host down: beyond it the guest gets ``MemoryError``, as a CPython process does when ``malloc``
fails.

The allocators refuse a block that would cross the limit, but by then the host has built the
block's payload (the characters of a str, the digits of an int).  For the operations whose
result size is known before the work (``'x' * n``, ``s.ljust(n)``, ``1 << n``, ``7 ** n``,
joins, format widths) the object layer asks ``ensure_room`` first, with the size the result's
block would have, and the guest gets its ``MemoryError`` before the host allocates anything.
"""

import os

from heapsim.base.errors import OutOfMemory


# The default limit is this fraction of physical memory: a simulated byte can cost the host
# several bytes (an object's host shell besides its simulated block), and other processes share
# the machine.
DEFAULT_SHARE = 8

# ... and never less than this (a machine whose memory cannot be read gets 4 GiB / 8 too).
MIN_DEFAULT = 256 * 1024 * 1024
FALLBACK_PHYSICAL = 4 * 1024 * 1024 * 1024


def physical_memory():
    """The machine's physical memory in bytes (``sysconf``, else /proc/meminfo's MemTotal)."""
    try:
        pages = os.sysconf("SC_PHYS_PAGES")
        size = os.sysconf("SC_PAGE_SIZE")
        if pages > 0 and size > 0:
            return pages * size
    except (AttributeError, ValueError, OSError):
        pass
    try:
        with open("/proc/meminfo") as fh:
            for line in fh:
                if line.startswith("MemTotal:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return FALLBACK_PHYSICAL


_default = []


def default_heap_limit():
    """The limit of a run without ``--max-heap`` (computed once per process)."""
    if not _default:
        _default.append(max(physical_memory() // DEFAULT_SHARE, MIN_DEFAULT))
    return _default[0]


def effective_limit(configured):
    """The limit a run enforces: the configured one, else the default."""
    return configured if configured is not None else default_heap_limit()


def ensure_room(raw, nbytes):
    """Raise OutOfMemory (the guest's MemoryError) when a block of ``nbytes`` would not fit
    under the heap limit now.  ``raw`` is the raw allocator, which holds the limit and the
    bytes in use (its own blocks and, as ``reserved``, pymalloc's arenas)."""
    limit = raw.limit
    if nbytes > limit - raw.live_bytes - raw.reserved:
        raise OutOfMemory(nbytes, limit)

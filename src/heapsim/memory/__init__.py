"""The simulated address space: pymalloc (Objects/obmalloc.c) and the raw allocator behind it.

``Pymalloc`` is what ``PyObject_Malloc`` and ``PyMem_Malloc`` reach; ``RawAllocator`` is the C
library's ``malloc`` (``PyMem_RawMalloc``); ``ReferenceAllocator`` is a trivially correct
allocator for property tests.  This layer knows nothing about objects and imports only
``heapsim.base``.
"""

from .obmalloc import Arena, Pool, Pymalloc
from .raw import RawAllocator
from .reference import ReferenceAllocator
from .stats import ArenaStats, SizeClassStats, allocator_stats_line, printone

__all__ = ["Arena", "ArenaStats", "Pool", "Pymalloc", "RawAllocator", "ReferenceAllocator",
           "SizeClassStats", "allocator_stats_line", "printone"]

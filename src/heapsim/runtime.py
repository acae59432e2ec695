"""The composition root: builds the allocator, the heap, the collector and the interpreter
for one run, and wires the hooks each lower layer leaves for the one above.

Nothing else constructs these pieces together; tests and tools call ``build_heap`` (and, once
the interpreter exists, ``Runtime``) rather than assembling layers by hand.
"""

from heapsim.base.config import CPYTHON_3_11
from heapsim.memory.obmalloc import Pymalloc
from heapsim.objects.bootstrap import create_heap


def build_heap(profile=CPYTHON_3_11, *, audit=False):
    """A heap on a fresh simulated pymalloc, with the reclaim layer installed."""
    allocator = Pymalloc(profile.memory)
    heap = create_heap(allocator, profile)
    from heapsim import reclaim
    install = getattr(reclaim, "install", None)
    if install is not None:
        install(heap, audit=audit)
    return heap

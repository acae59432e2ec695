"""Event records a runtime reports to an attached tracer.

A tracer is any object with an ``event(record)`` method.  With no tracer attached the runtime
tests one attribute at the coarse points (allocation, free, object birth and death, gc phases,
frame push/pop) and does nothing at all per incref/decref.
"""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Alloc:
    address: int
    size: int
    block_size: int          # 0 for raw allocations


@dataclass(frozen=True, slots=True)
class Free:
    address: int


@dataclass(frozen=True, slots=True)
class ObjectBorn:
    address: int
    type_name: str
    size: int


@dataclass(frozen=True, slots=True)
class ObjectDied:
    address: int
    type_name: str


@dataclass(frozen=True, slots=True)
class GCPhase:
    """One step of a collection.  ``phase`` is "start", "subtract_refs" (``refs``: each
    examined object with its gc_refs once the internal references are subtracted),
    "unreachable" (``objects``: the set move_unreachable found), "delete" (``objects``: what
    delete_garbage is about to clear), "promote" (``collected``: the number of survivors moved
    to the next generation) or "stop" (the totals).  Objects are the simulated objects
    themselves, for the recorder to name; nothing else keeps the event."""
    generation: int
    phase: str
    collected: int = 0
    uncollectable: int = 0
    objects: tuple = ()
    refs: tuple = ()


@dataclass(frozen=True, slots=True)
class FinalizerCall:
    address: int
    kind: str                # "__del__" or "weakref-callback"


class RecordingTracer:
    """A tracer that keeps every record in a list (for tests and reports)."""

    def __init__(self):
        self.records = []

    def event(self, record):
        self.records.append(record)

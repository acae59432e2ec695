"""The exception classes that cross heapsim's layers.

There are exactly three kinds of failure, kept apart on purpose (PyPy's interpreter makes the
same split):

* ``GuestException`` carries a *simulated* exception object.  It is how a guest ``raise``
  travels through the host stack.  Only the interpreter creates and catches it.
* ``Unsupported`` means the guest asked for something heapsim does not model yet.  The CLI
  prints ``heapsim: unsupported: WHAT (FILE:LINE)`` and exits 3.
* ``SimulatorBug`` is raised on purpose when an internal invariant is found broken (for example
  by an audit).  Any *other* host exception that escapes the interpreter is treated the same
  way: ``heapsim: internal error: ...`` and exit code 70.

``OutOfMemory`` is raised by the allocators when a run's heap limit would be exceeded; the
layer that called the allocator turns it into a guest ``MemoryError``.
"""


class HeapsimError(Exception):
    """Base class of every exception heapsim raises on purpose."""


class GuestException(HeapsimError):
    """A guest exception in flight.  ``exc`` is the simulated exception object."""

    __slots__ = ("exc",)

    def __init__(self, exc):
        Exception.__init__(self)
        self.exc = exc


class GuestError(HeapsimError):
    """A guest exception described by its builtin type name and message, not yet an object.

    The object model raises ``GuestError("TypeError", "unhashable type: 'list'")`` where
    CPython's C code would call ``PyErr_SetString``; the interpreter turns it into a real
    simulated exception object (a ``GuestException``) where it catches it.  This keeps the
    lower layers free of the exception classes, which belong to the interpreter.
    """

    def __init__(self, kind, message=None):
        super().__init__(kind if message is None else f"{kind}: {message}")
        self.kind = kind
        self.message = message


class Unsupported(HeapsimError):
    """A feature heapsim does not model.  ``what`` is shown to the user verbatim."""

    def __init__(self, what, filename=None, lineno=None):
        super().__init__(what)
        self.what = what
        self.filename = filename
        self.lineno = lineno

    def located(self, filename, lineno):
        """Return self with a guest location filled in if it had none."""
        if self.filename is None:
            self.filename = filename
            self.lineno = lineno
        return self


class SimulatorBug(HeapsimError):
    """An internal invariant of the simulator does not hold."""


class AuditFailure(SimulatorBug):
    """The heap audit found an inconsistency (wrong refcount, orphan block, ...)."""


class OutOfMemory(HeapsimError):
    """The simulated heap would grow beyond the run's limit."""

    def __init__(self, requested, limit):
        super().__init__(f"simulated heap limit of {limit} bytes exceeded "
                         f"(request of {requested} bytes)")
        self.requested = requested
        self.limit = limit


class LimitExceeded(HeapsimError):
    """A run limit (steps, wall time) was reached."""

    def __init__(self, what, limit):
        super().__init__(f"{what} limit of {limit} reached")
        self.what = what
        self.limit = limit

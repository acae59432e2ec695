"""The builtin exception hierarchy as static guest types, and guest exception objects.

``PyBaseExceptionObject`` (Include/cpython/pyerrors.h) is a GC object of 72 bytes (head,
dict, args, notes, traceback, context, cause, suppress_context); subclasses with extra
fields are larger.  Exceptions participate in the trashcan.

A guest exception object is an ``ExcObject``.  Its traceback is kept as a host list of
``(code, lineno)`` entries (innermost last) rather than simulated traceback and frame objects:
those are not modelled yet.
"""

from heapsim.base.errors import GuestError, GuestException
from heapsim.objects.core import (
    GCObject, TPFLAGS_BASE_EXC_SUBCLASS, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC, TPFLAGS_HEAPTYPE,
    UNTRACKED, make_static_type,
)

# name, base, basicsize (sizeof the C struct on 64-bit 3.11)
HIERARCHY = (
    ("BaseException", None, 72),
    ("SystemExit", "BaseException", 80),
    ("KeyboardInterrupt", "BaseException", 72),
    ("GeneratorExit", "BaseException", 72),
    ("Exception", "BaseException", 72),
    ("StopIteration", "Exception", 80),
    ("StopAsyncIteration", "Exception", 72),
    ("ArithmeticError", "Exception", 72),
    ("FloatingPointError", "ArithmeticError", 72),
    ("OverflowError", "ArithmeticError", 72),
    ("ZeroDivisionError", "ArithmeticError", 72),
    ("AssertionError", "Exception", 72),
    ("AttributeError", "Exception", 88),
    ("BufferError", "Exception", 72),
    ("EOFError", "Exception", 72),
    ("ImportError", "Exception", 96),
    ("ModuleNotFoundError", "ImportError", 96),
    ("LookupError", "Exception", 72),
    ("IndexError", "LookupError", 72),
    ("KeyError", "LookupError", 72),
    ("MemoryError", "Exception", 72),
    ("NameError", "Exception", 80),
    ("UnboundLocalError", "NameError", 80),
    ("OSError", "Exception", 112),
    ("BlockingIOError", "OSError", 112),
    ("ChildProcessError", "OSError", 112),
    ("ConnectionError", "OSError", 112),
    ("BrokenPipeError", "ConnectionError", 112),
    ("ConnectionAbortedError", "ConnectionError", 112),
    ("ConnectionRefusedError", "ConnectionError", 112),
    ("ConnectionResetError", "ConnectionError", 112),
    ("FileExistsError", "OSError", 112),
    ("FileNotFoundError", "OSError", 112),
    ("InterruptedError", "OSError", 112),
    ("IsADirectoryError", "OSError", 112),
    ("NotADirectoryError", "OSError", 112),
    ("PermissionError", "OSError", 112),
    ("ProcessLookupError", "OSError", 112),
    ("TimeoutError", "OSError", 112),
    ("ReferenceError", "Exception", 72),
    ("RuntimeError", "Exception", 72),
    ("NotImplementedError", "RuntimeError", 72),
    ("RecursionError", "RuntimeError", 72),
    ("SyntaxError", "Exception", 136),
    ("IndentationError", "SyntaxError", 136),
    ("TabError", "IndentationError", 136),
    ("SystemError", "Exception", 72),
    ("TypeError", "Exception", 72),
    ("ValueError", "Exception", 72),
    ("UnicodeError", "ValueError", 72),
    ("UnicodeDecodeError", "UnicodeError", 112),
    ("UnicodeEncodeError", "UnicodeError", 112),
    ("UnicodeTranslateError", "UnicodeError", 112),
    ("Warning", "Exception", 72),
    ("BytesWarning", "Warning", 72),
    ("DeprecationWarning", "Warning", 72),
    ("EncodingWarning", "Warning", 72),
    ("FutureWarning", "Warning", 72),
    ("ImportWarning", "Warning", 72),
    ("PendingDeprecationWarning", "Warning", 72),
    ("ResourceWarning", "Warning", 72),
    ("RuntimeWarning", "Warning", 72),
    ("SyntaxWarning", "Warning", 72),
    ("UnicodeWarning", "Warning", 72),
    ("UserWarning", "Warning", 72),
    ("BaseExceptionGroup", "BaseException", 88),
    ("ExceptionGroup", "BaseExceptionGroup", 96),        # a heap type in CPython
)

EXC_FIELDS = ("ex_dict", "args", "notes", "traceback", "context", "cause", "imp_name",
              "imp_path", "eg_msg")


class ExcObject(GCObject):
    """``PyBaseExceptionObject``; ``extra`` holds SystemExit.code / StopIteration.value /
    an exception group's exceptions tuple; ``imp_name`` and ``imp_path`` are ImportError's
    ``name`` and ``path``, ``eg_msg`` an exception group's message (None for NULL)."""

    __slots__ = ("ex_dict", "args", "notes", "traceback", "context", "cause",
                 "suppress_context", "extra", "imp_name", "imp_path", "eg_msg", "tb",
                 "weaklist")


def exc_traverse(e):
    out = [getattr(e, f) for f in EXC_FIELDS]
    out.append(e.extra)
    return [o for o in out if o is not None]


def exc_clear(heap, e):
    for f in EXC_FIELDS:
        o = getattr(e, f)
        if o is not None:
            setattr(e, f, None)
            heap.decref(o)
    o = e.extra
    if o is not None:
        e.extra = None
        heap.decref(o)


def exc_dealloc(heap, e):
    heap.gc.untrack(e)
    if e.weaklist is not None and heap.clear_weakrefs is not None:
        heap.clear_weakrefs(e)
    exc_clear(heap, e)
    heap.gc_del(e)


def init_exception_types(heap):
    """Register the builtin exception types; returns name -> type."""
    types = {}
    for name, base, size in HIERARCHY:
        tp = make_static_type(name, size, 0,
                              TPFLAGS_HAVE_GC | TPFLAGS_BASETYPE | TPFLAGS_BASE_EXC_SUBCLASS,
                              base=types[base] if base else heap.object_type,
                              dealloc=exc_dealloc, traverse=exc_traverse, clear=exc_clear,
                              trashcan=True, weakrefable=True)
        heap.register_static_type(tp)
        types[name] = tp
    # ExceptionGroup(BaseExceptionGroup, Exception): two bases, its MRO set here
    eg, beg = types["ExceptionGroup"], types["BaseExceptionGroup"]
    eg.bases = (beg, types["Exception"])
    eg.mro = (eg, beg, types["Exception"], types["BaseException"], heap.object_type)
    return types


# builtins names bound to an exception type of another name
ALIASES = (("EnvironmentError", "OSError"), ("IOError", "OSError"))


def new_exception(heap, tp, args_tuple, host=ExcObject):
    """``BaseException_new``: a new reference; args_tuple is borrowed (increfed).  ``host``
    is the host class of a subclass with ``__slots__`` (its members start empty)."""
    addr = heap.gc_alloc(tp, tp.basicsize)
    e = host.__new__(host)
    if host is not ExcObject:
        e.slots = [None] * len(tp.slot_names)
        e.values = None
        e.dict = None
    e.ob_refcnt = 1
    e.ob_type = tp
    e.addr = addr
    e.gc_gen = UNTRACKED
    e.gc_refs = 0
    e.gc_flags = 0
    e.ex_dict = None
    args_tuple.ob_refcnt += 1
    e.args = args_tuple
    e.notes = None
    e.traceback = None
    e.context = None
    e.cause = None
    e.suppress_context = False
    e.extra = None
    e.imp_name = None
    e.imp_path = None
    e.eg_msg = None
    e.tb = []
    e.weaklist = None
    heap.gc.track(e)
    if len(args_tuple.items) >= 1 and _builtin_base(tp).name in ("SystemExit", "StopIteration"):
        v = args_tuple.items[0] if len(args_tuple.items) == 1 else args_tuple
        v.ob_refcnt += 1
        e.extra = v
    return e


def _builtin_base(tp):
    """The builtin exception type a class statement's exception type derives from (a
    SystemExit subclass keeps its ``code`` as SystemExit does)."""
    while tp.flags & TPFLAGS_HEAPTYPE:
        tp = tp.base
    return tp


def is_subtype(tp, base):
    mro = tp.mro
    if mro is not None:
        return base in mro
    while tp is not None:
        if tp is base:
            return True
        tp = tp.base
    return False


__all__ = ["ExcObject", "GuestError", "GuestException", "init_exception_types",
           "new_exception", "is_subtype"]

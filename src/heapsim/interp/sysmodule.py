"""The guest ``sys`` module, its stream objects, and the small helpers the guest modules
``sys``, ``gc`` and ``weakref`` share for building module objects.

Host functions have the builtins' signature ``fn(sp, self, args, kw)`` and return a new
reference.
"""

import sys as host_sys

from heapsim.base.errors import GuestError, GuestException
from heapsim.interp.exceptions import new_exception
from heapsim.objects.core import PyObject, getsizeof
from heapsim.objects.dictobject import dict_setitem
from heapsim.objects.longobject import new_int
from heapsim.objects.methodobject import MethodDef, METH_FASTCALL, METH_KEYWORDS, cfunction_new
from heapsim.objects.moduleobject import module_new_object
from heapsim.objects.unicodeobject import intern_string, new_str, sys_intern


# --- helpers shared by the guest modules ----------------------------------------------------

def arity(name, args, lo, hi=None):
    n = len(args)
    hi = lo if hi is None else hi
    if n < lo or n > hi:
        if lo == hi:
            if lo == 0:
                raise GuestError("TypeError", f"{name}() takes no arguments ({n} given)")
            if lo == 1:
                raise GuestError("TypeError", f"{name}() takes exactly one argument ({n} given)")
            raise GuestError("TypeError", f"{name} expected {lo} arguments, got {n}")
        if n < lo:
            raise GuestError("TypeError", f"{name} expected at least {lo} argument"
                             f"{'s' if lo > 1 else ''}, got {n}")
        raise GuestError("TypeError", f"{name} expected at most {hi} argument"
                         f"{'s' if hi > 1 else ''}, got {n}")


def incref(o):
    o.ob_refcnt += 1
    return o


def mdef_fn(sp, module, name, fn):
    ml = MethodDef(sp.heap, name, fn, METH_FASTCALL | METH_KEYWORDS)
    return cfunction_new(sp.heap, ml, self=module)


def set_attr(sp, module, name, value):
    """Store value (a new reference, consumed) in the module's dict."""
    heap = sp.heap
    key = intern_string(heap, name)
    dict_setitem(heap, module.md_dict, key, value)
    heap.decref(key)
    heap.decref(value)


def new_module(sp, name):
    heap = sp.heap
    n = intern_string(heap, name)
    mod = module_new_object(heap, n)
    heap.decref(n)
    return mod


# --- sys ------------------------------------------------------------------------------------

# Blocks a CPython 3.11 process holds after start-up for what heapsim does not model (the
# import system, site, codecs, the io stack: about 36,800 for ``python3 prog.py``).  Only
# deltas of ``sys.getallocatedblocks()`` are meant to match, but the count must be in
# CPython's range so that the int it returns is a new object, as it is in CPython, and not a
# cached small int.
STARTUP_BLOCKS = 36000


class StreamObject(PyObject):
    """``sys.stdout`` / ``sys.stderr``: static stand-ins for the io objects."""

    __slots__ = ("stream",)


def make_sys(sp, argv, stream_type):
    heap = sp.heap
    mod = new_module(sp, "sys")
    interp = sp.interp

    def getrefcount(sp, self, args, kw):
        arity("getrefcount", args, 1)
        return new_int(heap, args[0].ob_refcnt)

    def getsizeof_(sp, self, args, kw):
        arity("getsizeof", args, 1, 2)
        return new_int(heap, getsizeof(args[0]))

    def getallocatedblocks(sp, self, args, kw):
        return new_int(heap, heap.allocator.allocated_blocks() + STARTUP_BLOCKS)

    def intern(sp, self, args, kw):
        arity("intern", args, 1)
        return sys_intern(heap, args[0])

    def exit_(sp, self, args, kw):
        arity("exit", args, 0, 1)
        t = sp.newtuple_borrowed(args)
        e = new_exception(heap, sp.exc_types["SystemExit"], t)
        heap.decref(t)
        raise GuestException(e)

    def getrecursionlimit(sp, self, args, kw):
        return new_int(heap, interp.recursion_limit)

    def setrecursionlimit(sp, self, args, kw):
        arity("setrecursionlimit", args, 1)
        interp.recursion_limit = args[0].value
        return sp.none()

    for name, fn in (("getrefcount", getrefcount), ("getsizeof", getsizeof_),
                     ("getallocatedblocks", getallocatedblocks), ("intern", intern),
                     ("exit", exit_), ("getrecursionlimit", getrecursionlimit),
                     ("setrecursionlimit", setrecursionlimit)):
        set_attr(sp, mod, name, mdef_fn(sp, mod, name, fn))
    set_attr(sp, mod, "argv", sp.newlist([new_str(heap, a) for a in argv]))
    set_attr(sp, mod, "maxsize", new_int(heap, host_sys.maxsize))
    set_attr(sp, mod, "version_info", sp.wrap(tuple(host_sys.version_info)))
    set_attr(sp, mod, "version", new_str(heap, host_sys.version))
    set_attr(sp, mod, "platform", new_str(heap, host_sys.platform))
    set_attr(sp, mod, "byteorder", new_str(heap, host_sys.byteorder))
    set_attr(sp, mod, "executable", new_str(heap, host_sys.executable))
    for name in ("stdout", "stderr"):
        s = StreamObject.__new__(StreamObject)
        s.stream = name
        heap.make_static(s, stream_type, 16)
        set_attr(sp, mod, name, incref(s))
    return mod


def stream_write(sp, s, args, kw):
    arity("write", args, 1)
    out = sp.interp.stderr if s.stream == "stderr" else sp.interp.stdout
    out.write(args[0].value)
    return new_int(sp.heap, len(args[0].value))


def stream_flush(sp, s, args, kw):
    (sp.interp.stderr if s.stream == "stderr" else sp.interp.stdout).flush()
    return sp.none()

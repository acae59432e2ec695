"""The guest ``sys`` module (Python/sysmodule.c), its stream objects, and what CPython's
start-up leaves in the free lists.

Its functions are declared builtins (methods/clinic.py) returning new references.
"""

import sys as host_sys

from heapsim.base.errors import GuestError, GuestException
from heapsim.interp.types.exceptions import new_exception
from heapsim.interp.methods.args import as_index, incref
from heapsim.interp.methods.clinic import (
    METH_FASTCALL, METH_KEYWORDS, METH_NOARGS, METH_O, METH_VARARGS, builtin,
)
from heapsim.interp.types.frameobject import get_frame_object
from heapsim.memory.stats import allocator_stats_line
from heapsim.interp.modules.modsupport import add_functions, new_module, set_attr
from heapsim.objects.core import PyObject, add_methods, getsizeof, make_static_type
from heapsim.objects.floatobject import new_float
from heapsim.objects.listobject import list_new
from heapsim.objects.sliceobject import slice_new
from heapsim.objects.tupleobject import tuple_new
from heapsim.objects.dictobject import dict_new
from heapsim.objects.longobject import new_int
from heapsim.objects.unicodeobject import new_str, sys_intern


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


# --- the functions of sys (Python/sysmodule.c, Python/clinic/sysmodule.c.h) -------------------

@builtin("sys.getrefcount(object, /)", METH_O)
def sys_getrefcount(sp, self, obj):
    return new_int(sp.heap, obj.ob_refcnt)


@builtin("sys.getsizeof(object, default=<unrepresentable>)", METH_VARARGS | METH_KEYWORDS,
         pack=True)
def sys_getsizeof(sp, self, obj, default=None):
    """``sys.getsizeof`` (``PyArg_ParseTupleAndKeywords``: the arguments come packed)."""
    return new_int(sp.heap, getsizeof(obj))


@builtin("sys._debugmallocstats()", METH_NOARGS)
def sys__debugmallocstats(sp, self):
    heap = sp.heap
    sp.interp.stdout.flush()
    err = sp.interp.stderr
    err.write(heap.allocator.debugmallocstats())
    err.write(debug_type_stats(heap))
    err.flush()
    return sp.none()


@builtin("sys.getallocatedblocks()", METH_NOARGS)
def sys_getallocatedblocks(sp, self):
    heap = sp.heap
    return new_int(heap, heap.allocator.allocated_blocks() + STARTUP_BLOCKS)


@builtin("sys.intern(string, /)", METH_O)
def sys_intern_impl(sp, self, string):
    return sys_intern(sp.heap, string)


@builtin("sys.exit(status=None, /)", METH_FASTCALL)
def sys_exit(sp, self, *args):
    heap = sp.heap
    t = sp.newtuple_borrowed(args)
    e = new_exception(heap, sp.exc_types["SystemExit"], t)
    heap.decref(t)
    raise GuestException(e)


@builtin("sys.getrecursionlimit()", METH_NOARGS)
def sys_getrecursionlimit(sp, self):
    return new_int(sp.heap, sp.interp.recursion_limit)


def _c_int(sp, obj):
    """The clinic ``int`` converter: a float is refused, other objects go through
    ``__index__``."""
    if obj.ob_type is sp.heap.float_type:
        raise GuestError("TypeError", "'float' object cannot be interpreted as an integer")
    return as_index(sp, obj)


@builtin("sys.setrecursionlimit(limit, /)", METH_O)
def sys_setrecursionlimit(sp, self, limit):
    n = _c_int(sp, limit)
    if n < 1:
        raise GuestError("ValueError", "recursion limit must be greater or equal than 1")
    sp.interp.recursion_limit = n
    return sp.none()


@builtin("sys._getframe(depth=0, /)", METH_FASTCALL)
def sys__getframe(sp, self, depth=None):
    """``sys._getframe([depth])``: the frame object, created on demand."""
    depth = 0 if depth is None else _c_int(sp, depth)
    f = sp.interp.frame
    while depth > 0 and f is not None:
        f = f.back
        depth -= 1
    if f is None:
        raise GuestError("ValueError", "call stack is not deep enough")
    return incref(get_frame_object(sp.heap, f))


@builtin("sys.exc_info()", METH_NOARGS)
def sys_exc_info(sp, self):
    e = sp.interp.topmost_exception()
    if e is None:
        return sp.newtuple([sp.none(), sp.none(), sp.none()])
    tb = e.traceback if e.traceback is not None else sp.heap.none
    return sp.newtuple([incref(e.ob_type), incref(e), incref(tb)])


@builtin("sys.exception()", METH_NOARGS)
def sys_exception(sp, self):
    e = sp.interp.topmost_exception()
    return incref(e if e is not None else sp.heap.none)


SYS_FUNCTIONS = {
    "_getframe": sys__getframe, "exc_info": sys_exc_info, "exception": sys_exception,
    "getrefcount": sys_getrefcount, "getsizeof": sys_getsizeof,
    "getallocatedblocks": sys_getallocatedblocks, "intern": sys_intern_impl, "exit": sys_exit,
    "getrecursionlimit": sys_getrecursionlimit, "setrecursionlimit": sys_setrecursionlimit,
    "_debugmallocstats": sys__debugmallocstats,
}


def init(sp):
    """The ``sys`` module (``_PySys_Create``): a new reference.  ``sys.argv`` is the
    interpreter's ``argv`` (the runtime sets it, as PyConfig does); ``sys.modules`` and
    ``sys.path`` are the importer's (vm/importer.py installs them)."""
    heap = sp.heap
    stream_type = make_static_type("TextIOWrapper", 16, 0, 0, base=heap.object_type,
                                   module="_io")
    heap.register_static_type(stream_type)
    add_methods(stream_type, {"write": stream_write, "flush": stream_flush})
    mod = new_module(sp, "sys")
    # CPython's start-up slices something (site, importlib), so a program starts with a
    # dead slice in ``interp->slice_cache``, which no collection empties: the first slice a
    # program makes allocates nothing.
    if heap.slice_cache is None:
        heap.decref(slice_new(heap))
    add_functions(sp, mod, SYS_FUNCTIONS.items())
    set_attr(sp, mod, "argv", sp.newlist([new_str(heap, a) for a in sp.interp.argv]))
    set_attr(sp, mod, "maxsize", new_int(heap, host_sys.maxsize))
    set_attr(sp, mod, "version_info", sp.wrap(tuple(host_sys.version_info)))
    set_attr(sp, mod, "version", new_str(heap, host_sys.version))
    set_attr(sp, mod, "platform", new_str(heap, host_sys.platform))
    set_attr(sp, mod, "byteorder", new_str(heap, host_sys.byteorder))
    set_attr(sp, mod, "executable", new_str(heap, host_sys.executable))
    set_attr(sp, mod, "hexversion", new_int(heap, host_sys.hexversion))
    set_attr(sp, mod, "api_version", new_int(heap, host_sys.api_version))
    set_attr(sp, mod, "maxunicode", new_int(heap, host_sys.maxunicode))
    set_attr(sp, mod, "float_repr_style", new_str(heap, host_sys.float_repr_style))
    # ``sys.implementation`` and ``sys.flags`` as attribute namespaces (module objects stand
    # in for SimpleNamespace and the flags struct sequence: attribute reads work).
    impl = new_module(sp, "implementation")
    set_attr(sp, impl, "name", new_str(heap, host_sys.implementation.name))
    set_attr(sp, impl, "cache_tag", new_str(heap, host_sys.implementation.cache_tag))
    set_attr(sp, impl, "version", sp.wrap(tuple(host_sys.implementation.version)))
    set_attr(sp, impl, "hexversion", new_int(heap, host_sys.implementation.hexversion))
    set_attr(sp, impl, "_multiarch",
             new_str(heap, getattr(host_sys.implementation, "_multiarch", "")))
    set_attr(sp, mod, "implementation", impl)
    flags = new_module(sp, "flags")
    for name in ("debug", "inspect", "interactive", "optimize", "dont_write_bytecode",
                 "no_user_site", "no_site", "ignore_environment", "verbose", "bytes_warning",
                 "quiet", "isolated", "utf8_mode", "warn_default_encoding",
                 "int_max_str_digits"):
        set_attr(sp, flags, name, new_int(heap, 0))
    set_attr(sp, flags, "hash_randomization", new_int(heap, 0))
    set_attr(sp, flags, "dev_mode", sp.newbool(False))
    set_attr(sp, flags, "safe_path", sp.newbool(False))
    set_attr(sp, mod, "flags", flags)
    for name in ("stdout", "stderr"):
        s = StreamObject.__new__(StreamObject)
        s.stream = name
        heap.make_static(s, stream_type, 16)
        set_attr(sp, mod, name, incref(s))
    return mod


@builtin("TextIOWrapper.write($self, text, /)", METH_O)
def stream_write(sp, s, text):
    out = sp.interp.stderr if s.stream == "stderr" else sp.interp.stdout
    out.write(text.value)
    return new_int(sp.heap, len(text.value))


@builtin("TextIOWrapper.flush($self, /)", METH_NOARGS)
def stream_flush(sp, s):
    (sp.interp.stderr if s.stream == "stderr" else sp.interp.stdout).flush()
    return sp.none()


def debug_type_stats(heap):
    """``_PyObject_DebugTypeStats``: the free-list lines appended to the allocator's report
    (dict, float, list, then tuples of sizes 1..20)."""
    out = [
        "\n",
        allocator_stats_line("free PyDictObject", len(heap.dict_freelist), 48),
        allocator_stats_line("free PyFloatObject", len(heap.float_freelist), 24),
        allocator_stats_line("free PyListObject", len(heap.list_freelist), 40),
    ]
    lists = heap.tuple_freelists
    for n in range(1, len(lists)):
        out.append(allocator_stats_line(f"free {n:d}-sized PyTupleObject", len(lists[n]),
                                        24 + 8 * n))
    return "".join(out)


# --- what CPython's start-up leaves in the free lists ----------------------------------------

# ``sys._debugmallocstats()`` on the first line of a ``python3 prog.py`` run (3.11.7) in the
# clean virtual environment that CI and the README use (heapsim installed in it): dead shells
# waiting in the free lists.  A program that does not start with ``gc.collect()`` takes its
# first lists, dicts, floats and small tuples from these, with no new block and no
# generation-0 count, as in CPython.  (A system installation whose site hooks import more at
# start-up leaves other counts; the oracle is the clean environment.)
STARTUP_FREE_LISTS = 6
STARTUP_FREE_DICTS = 11
STARTUP_FREE_FLOATS = 3
# size -> count, sizes 1..20
STARTUP_FREE_TUPLES = {1: 5, 2: 8, 3: 2, 4: 2, 5: 3, 7: 2, 13: 1, 15: 1, 17: 1, 18: 1, 20: 1}


# What the runtime still takes from the free lists after ``fill_startup_free_lists`` and before
# the program's first line (sys.modules, sys.path, the __main__ module and its dict, ...).
TAKEN_AFTER_FILL = {"list": 2, "dict": 5, 3: 1}


def fill_startup_free_lists(heap):
    """Top the free lists up to what CPython's start-up leaves (never beyond), plus what the
    runtime takes before the program starts (``TAKEN_AFTER_FILL``)."""
    made = []
    for _ in range(STARTUP_FREE_LISTS + TAKEN_AFTER_FILL["list"] - len(heap.list_freelist)):
        made.append(list_new(heap, 0))
    for _ in range(STARTUP_FREE_DICTS + TAKEN_AFTER_FILL["dict"] - len(heap.dict_freelist)):
        made.append(dict_new(heap))
    for _ in range(STARTUP_FREE_FLOATS - len(heap.float_freelist)):
        made.append(new_float(heap, 0.5))
    for size, count in STARTUP_FREE_TUPLES.items():
        have = len(heap.tuple_freelists[size]) if size < len(heap.tuple_freelists) else 0
        for _ in range(count + TAKEN_AFTER_FILL.get(size, 0) - have):
            t = tuple_new(heap, size)
            for i in range(size):
                heap.none.ob_refcnt += 1
                t.items[i] = heap.none
            made.append(t)
    for obj in reversed(made):
        heap.decref(obj)

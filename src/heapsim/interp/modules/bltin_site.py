"""The builtins python3's start-up adds beyond Python/bltinmodule.c's, and the ones heapsim
names without modelling (Lib/site.py, Lib/_sitebuiltins.py, Python/bltinmodule.c).

- ``__debug__`` (True: no ``-O``);
- ``exit`` and ``quit``: site's ``Quitter`` objects (``_sitebuiltins.Quitter``), whose repr
  is the hint and whose call raises ``SystemExit(code)``;
- ``help``: site's ``_Helper``; calling it stops the run (``heapsim: unsupported``), as do
  ``breakpoint()`` and, while coroutines are not modelled, ``aiter()`` and ``anext()``;
- ``input(prompt)``: the prompt on the guest's stdout, one line of the run's stdin
  (``EOFError`` at its end).

The site objects are instances of static types here (``module`` ``_sitebuiltins``) holding
their name as payload, GC objects of python3's ``sys.getsizeof``.
"""

import sys as host_sys

from heapsim.base.errors import GuestError, Unsupported
from heapsim.interp.methods.clinic import METH_FASTCALL, METH_KEYWORDS, builtin
from heapsim.objects.core import GCObject, TPFLAGS_HAVE_GC, make_static_type
from heapsim.objects.funcobject import _gc_new as gc_object_new
from heapsim.objects.unicodeobject import new_str

# sys.getsizeof of a Quitter / _Helper instance (a class instance with a managed dict)
SITE_OBJECT_SIZE = 56
GC_HEADER = 16
EOF_HINT = "Ctrl-D (i.e. EOF)"


class SiteObject(GCObject):
    """An instance of one of site's helper classes: ``name`` is its host payload."""

    __slots__ = ("name",)


def _site_dealloc(heap, obj):
    heap.gc.untrack(obj)
    heap.gc_del(obj)


def _site_type(heap, name, repr_fn, call_fn):
    tp = make_static_type(name, SITE_OBJECT_SIZE - GC_HEADER, 0, TPFLAGS_HAVE_GC,
                          base=heap.object_type, dealloc=_site_dealloc,
                          traverse=lambda o: (), module="_sitebuiltins")
    heap.register_static_type(tp)
    tp.tp_repr = repr_fn
    tp.tp_call = call_fn
    return tp


def _new_site_object(heap, tp, name):
    o = gc_object_new(heap, SiteObject, tp, tp.basicsize)
    o.name = name
    heap.gc.track(o)
    return o


def quitter_repr(sp, q):
    return f"Use {q.name}() or {EOF_HINT} to exit"


def quitter_call(sp, q, args, kw):
    """``Quitter.__call__(self, code=None)``: ``raise SystemExit(code)``."""
    kw = dict(kw or {})
    if len(args) > 1:
        raise GuestError("TypeError", f"Quitter.__call__() takes from 1 to 2 positional "
                         f"arguments but {len(args) + 1} were given")
    code = args[0] if args else kw.pop("code", None)
    if args and "code" in kw:
        raise GuestError("TypeError", "Quitter.__call__() got multiple values for argument "
                         "'code'")
    for k in kw:
        raise GuestError("TypeError", f"Quitter.__call__() got an unexpected keyword "
                         f"argument '{k}'")
    err = GuestError("SystemExit")
    err.key = code if code is not None else sp.heap.none
    raise err


def helper_repr(sp, h):
    return ("Type help() for interactive help, or help(object) for help about object.")


def helper_call(sp, h, args, kw):
    raise Unsupported("help()")


@builtin("breakpoint(*args, **kws)", METH_FASTCALL | METH_KEYWORDS)
def builtin_breakpoint(sp, self, args, kw):
    raise Unsupported("breakpoint()")


@builtin("aiter(async_iterable, /)", METH_FASTCALL)
def builtin_aiter(sp, self, it):
    raise Unsupported("aiter() (coroutines)")


@builtin("anext(aiterator, default=<unrepresentable>, /)", METH_FASTCALL)
def builtin_anext(sp, self, it, default=None):
    raise Unsupported("anext() (coroutines)")


@builtin("input(prompt=<unrepresentable>, /)", METH_FASTCALL)
def builtin_input(sp, self, prompt=None):
    """``builtin_input_impl`` without a tty: flush stdout, write the prompt (its ``str``),
    read one line of stdin; EOFError at its end; the line without its newline."""
    interp = sp.interp
    if prompt is not None:
        interp.stdout.write(sp.str_host(prompt))
    interp.stdout.flush()
    stdin = getattr(interp, "stdin", None) or host_sys.stdin
    line = stdin.readline() if stdin is not None else ""
    if not line:
        raise GuestError("EOFError", "EOF when reading a line")
    if line.endswith("\n"):
        line = line[:-1]
    return new_str(sp.heap, line)


SITE_FUNCTIONS = {"breakpoint": builtin_breakpoint, "aiter": builtin_aiter,
                  "anext": builtin_anext, "input": builtin_input}


def site_names(sp):
    """(name, new reference) of the names site adds to builtins, in its order."""
    heap = sp.heap
    quitter = _site_type(heap, "Quitter", quitter_repr, quitter_call)
    helper = _site_type(heap, "_Helper", helper_repr, helper_call)
    return [("quit", _new_site_object(heap, quitter, "quit")),
            ("exit", _new_site_object(heap, quitter, "exit")),
            ("help", _new_site_object(heap, helper, "help"))]

"""Declarations of the builtin functions and methods, in the spirit of Argument Clinic.

Every builtin is declared once, next to its implementation::

    @builtin("list.insert(index, object, /)", METH_FASTCALL)
    def list_insert(sp, lst, index, obj): ...

The declaration names the builtin and its owner (a type or a module: ``math.sqrt``, ``list.insert``;
no owner for the ``builtins`` module), its parameters in the syntax of a text signature (``/``
ends the positional-only ones, ``*`` starts the keyword-only ones, ``*args`` collects the rest,
``name=default`` is optional), and the calling convention CPython 3.11 gives it
(Include/methodobject.h, Python/getargs.c, the generated Objects/clinic/*.c.h and
Modules/clinic/*.c.h files):

- ``METH_NOARGS`` / ``METH_O``: ``list.clear() takes no arguments (1 given)``,
  ``math.sqrt() takes exactly one argument (0 given)`` (the function's qualified name).
- ``METH_FASTCALL``: Argument Clinic's positional-only parser (``_PyArg_CheckPositional``):
  ``get expected at least 1 argument, got 0``.
- ``METH_FASTCALL | METH_KEYWORDS``: Argument Clinic's keyword parser
  (``_PyArg_UnpackKeywords``): ``split() takes at most 2 arguments (3 given)``,
  ``split() missing required argument 'x' (pos 1)``, ``'x' is an invalid keyword argument for
  split()``, ``argument for split() given by name ('sep') and position (1)``.  Its first use
  with keywords (or with a wrong count) makes the parser's keyword tuple, as ``parser_init``
  does: one block kept for the life of the process.
- ``METH_VARARGS``: ``PyArg_ParseTuple``'s texts (``find() takes at least 1 argument
  (0 given)``) or, with ``unpack=True``, ``PyArg_UnpackTuple``'s (``log expected at least 1
  argument, got 0``).
- ``METH_VARARGS | METH_KEYWORDS``: ``PyArg_ParseTupleAndKeywords`` (or, for a ``tp_new``
  with a ``parser``, Argument Clinic's keyword parser): the keyword parser's texts.

CPython calls the ``METH_VARARGS`` conventions with a new tuple of the arguments (and a new dict
of the keywords: ``_PyObject_MakeTpCall``, also the ``tp_new`` convention of the constructors);
a declaration with ``pack=True`` allocates them so (``pack_args``).  Not every such builtin
models it yet: the ones without ``pack`` allocate nothing for their arguments.

The declaration wraps the implementation into the host callable the method tables hold,
``fn(sp, self, args, kw)``; the implementation receives the parsed arguments:
``impl(sp, self, a, b, ...)`` with ``None`` for a missing optional argument (the
implementation applies the default the signature documents); for ``*args`` a host list of
all the positional arguments (the packed tuple, a guest object, with ``pack=True``), followed
by the keyword-only arguments; for ``**kwargs`` the positional list and the keyword dict as
they came.
"""

from heapsim.base.errors import GuestError
from heapsim.objects.core import TypeObject
from heapsim.objects.dictobject import dict_new, dict_setitem
from heapsim.objects.methodobject import (
    METH_FASTCALL, METH_KEYWORDS, METH_NOARGS, METH_O, METH_VARARGS,
)
from heapsim.objects.tupleobject import tuple_new
from heapsim.objects.unicodeobject import intern_string, static_interned_str
from heapsim.reclaim import add_root_provider

__all__ = ["METH_FASTCALL", "METH_KEYWORDS", "METH_NOARGS", "METH_O", "METH_VARARGS",
           "SLOT_WRAPPER", "builtin", "declare", "Decl"]


_UNLIMITED = 1 << 62     # the "maximum" of a parameter list with *args


def _s(n):
    return "" if n == 1 else "s"


class Decl:
    """One builtin's declaration, parsed from its signature text."""

    __slots__ = ("name", "owner", "qualname", "funcstr", "params", "posonly", "required",
                 "maxpos", "kwonly_required", "star", "flags", "unpack", "parser", "exact_kw",
                 "kwtuple_names", "signature", "fname", "varkw", "pack")

    def __init__(self, signature, flags, unpack=False, parser=None, exact_kw=None, fname=None,
                 pack=False):
        self.signature = signature
        head, _, rest = signature.partition("(")
        owner, _, name = head.rpartition(".")
        self.name = name
        self.owner = owner or None
        self.qualname = head
        # _PyObject_FunctionStr: "math.sqrt()", "list.append()", "len()"
        self.funcstr = head + "()"
        params = []
        posonly = None
        required = 0
        kwonly_at = None
        star = False
        varkw = False
        kwonly_required = 0
        body = rest.rstrip().rstrip(")")
        for p in (x.strip() for x in body.split(",")):
            if not p or p == "$self" or p == "$type" or p == "$module":
                continue
            if p == "/":
                posonly = len(params)
                continue
            if p == "*":
                kwonly_at = len(params)
                continue
            if p.startswith("**"):
                varkw = True
                continue
            if p.startswith("*"):
                star = True
                kwonly_at = len(params)
                continue
            pname, eq, _default = p.partition("=")
            if not eq:
                if kwonly_at is None:
                    required = len(params) + 1
                else:
                    kwonly_required += 1
            params.append(pname.strip())
        self.params = tuple(params)
        self.posonly = len(params) if posonly is None and flags in (
            METH_O, METH_FASTCALL, METH_VARARGS) else (posonly or 0)
        self.required = required
        self.maxpos = len(params) if kwonly_at is None else kwonly_at
        self.kwonly_required = kwonly_required
        self.star = star
        self.varkw = varkw
        self.flags = flags
        self.unpack = unpack
        # the key of the parser's keyword tuple: Argument Clinic's (FASTCALL|KEYWORDS) have one,
        # PyArg_ParseTupleAndKeywords (VARARGS|KEYWORDS) none unless named
        self.parser = parser if parser or flags != METH_FASTCALL | METH_KEYWORDS \
            else self.qualname
        # a constructor that refuses keywords only for the exact type (``list(x=1)`` fails,
        # a subclass's ``__init__`` may take them): a function of the space giving that type
        self.exact_kw = exact_kw
        self.kwtuple_names = self.params[self.posonly:]
        # the name the keyword parser's messages use (its ``_PyArg_Parser.fname``)
        self.fname = fname or name
        # METH_VARARGS conventions: whether the argument tuple (and keyword dict) is allocated
        # as CPython allocates it; not yet modelled for every such builtin
        self.pack = pack

    def unpack_kwonly(self, name, kw):
        """The keyword-only arguments after ``*args`` (``_PyArg_UnpackKeywordsWithVararg``,
        ``PyArg_ParseTupleAndKeywords`` with ``$``): a host list of them."""
        names = self.params[self.maxpos:]
        out = [None] * len(names)
        kw = kw or {}
        for i, k in enumerate(names):
            v = kw.get(k)
            if v is None and i < self.kwonly_required:
                raise GuestError("TypeError", f"{name}() missing required argument '{k}' "
                                 f"(pos {self.maxpos + i + 1})")
            out[i] = v
        for k in kw:
            if k not in names:
                raise GuestError("TypeError", f"'{k}' is an invalid keyword argument for "
                                 f"{name}()")
        return out

    # --- CPython's messages ------------------------------------------------------------------

    def no_kw(self):
        """``method_check_args`` / ``cfunction_check_kwargs`` (the function string) for
        methods and the vectorcall conventions; ``cfunction_call``'s bare name for a module's
        ``METH_VARARGS`` function."""
        if self.flags == METH_VARARGS and (self.owner is None or self.owner in _MODULES):
            return GuestError("TypeError", f"{self.fname}() takes no keyword arguments")
        return GuestError("TypeError", f"{self.funcstr} takes no keyword arguments")

    def check_positional(self, n, lo, hi):
        """``_PyArg_CheckPositional`` (and ``PyArg_UnpackTuple``)."""
        if n < lo:
            raise GuestError("TypeError", f"{self.name} expected {'' if lo == hi else 'at least '}"
                             f"{lo} argument{_s(lo)}, got {n}")
        if n > hi:
            raise GuestError("TypeError", f"{self.name} expected {'' if lo == hi else 'at most '}"
                             f"{hi} argument{_s(hi)}, got {n}")

    def check_tuple(self, n, lo, hi):
        """``PyArg_ParseTuple``'s count check ("O|OO:name")."""
        if lo <= n <= hi:
            return
        how = "exactly" if lo == hi else "at least" if n < lo else "at most"
        k = lo if n < lo else hi
        raise GuestError("TypeError", f"{self.name}() takes {how} {k} argument{_s(k)} "
                         f"({n} given)")

    def unpack_keywords(self, sp, args, kw):
        """``_PyArg_UnpackKeywords``: the full host list of arguments (None where missing)."""
        name = self.fname
        n = len(args)
        maxpos = self.maxpos
        minpos = self.required
        if self.parser:
            kw_parser(sp, self.parser, self.kwtuple_names)
        if self.star:
            return self.unpack_kwonly(name, kw)
        posonly = self.posonly
        maxargs = len(self.params)
        nkw = len(kw) if kw else 0
        if n + nkw > maxargs:
            raise GuestError("TypeError", f"{name}() takes at most {maxargs} "
                             f"{'keyword ' if n == 0 else ''}argument{_s(maxargs)} "
                             f"({n + nkw} given)")
        if n > maxpos:
            if maxpos == 0:
                raise GuestError("TypeError", f"{name}() takes no positional arguments")
            raise GuestError("TypeError", f"{name}() takes "
                             f"{'at most' if minpos < maxpos else 'exactly'} {maxpos} "
                             f"positional argument{_s(maxpos)} ({n} given)")
        minposonly = min(posonly, minpos)
        if n < minposonly:
            raise GuestError("TypeError", f"{name}() takes "
                             f"{'at least' if minposonly < maxpos else 'exactly'} {minposonly}"
                             f" positional argument{_s(minposonly)} ({n} given)")
        out = list(args[:n]) + [None] * (maxargs - n)
        reqlimit = maxpos + self.kwonly_required if self.kwonly_required else minpos
        params = self.params
        for i in range(max(n, posonly), maxargs):
            if nkw:
                v = kw.get(params[i])
            elif i >= reqlimit:
                break
            else:
                v = None
            out[i] = v
            if v is not None:
                nkw -= 1
            elif i < minpos or maxpos <= i < reqlimit:
                raise GuestError("TypeError", f"{name}() missing required argument "
                                 f"'{params[i]}' (pos {i + 1})")
        if nkw > 0:
            for i in range(posonly, n):
                if params[i] in kw:
                    raise GuestError("TypeError", f"argument for {name}() given by name "
                                     f"('{params[i]}') and position ({i + 1})")
            for k in kw:
                if k not in self.kwtuple_names:
                    raise GuestError("TypeError", f"'{k}' is an invalid keyword argument "
                                     f"for {name}()")
        return out


# Owners that are modules, not types (a module's METH_VARARGS function refuses keywords by its
# bare name, a method by its qualified one).
_MODULES = frozenset(("math", "sys", "gc", "_weakref"))


# --- the wrappers, one per calling convention --------------------------------------------------

def _noargs(d, impl):
    def call(sp, self, args, kw):
        if kw:
            raise d.no_kw()
        if args:
            raise GuestError("TypeError", f"{d.funcstr} takes no arguments ({len(args)} given)")
        return impl(sp, self)
    return call


def _o(d, impl):
    def call(sp, self, args, kw):
        if kw:
            raise d.no_kw()
        if len(args) != 1:
            raise GuestError("TypeError", f"{d.funcstr} takes exactly one argument "
                             f"({len(args)} given)")
        return impl(sp, self, args[0])
    return call


def _fastcall(d, impl):
    lo, hi = d.required, len(d.params)
    star = d.star

    def call(sp, self, args, kw):
        if kw and (d.exact_kw is None or self is d.exact_kw(sp)):
            raise d.no_kw()
        if star:
            if len(args) < lo:
                d.check_positional(len(args), lo, _UNLIMITED)
            return impl(sp, self, args)
        if not lo <= len(args) <= hi:
            d.check_positional(len(args), lo, hi)
        return impl(sp, self, *args)
    return call


def _fastcall_kw(d, impl):
    lo, hi = d.required, d.maxpos
    star = d.star
    simple = not d.kwonly_required

    unpack = d.unpack

    nkwonly = len(d.params) - d.maxpos

    def call(sp, self, args, kw, packed=None):
        if star:
            # leading positional parameters are checked as PyArg_UnpackTuple checks them
            if len(args) < lo:
                d.check_positional(len(args), lo, _UNLIMITED)
            vals = d.unpack_keywords(sp, args, kw) if kw else [None] * nkwonly
            return impl(sp, self, args if packed is None else packed, *vals)
        if not kw and simple and lo <= len(args) <= hi:
            return impl(sp, self, *args)
        if unpack:
            # _PyArg_UnpackStack for the positional arguments, a parser for the keywords
            d.check_positional(len(args), lo, hi)
        return impl(sp, self, *d.unpack_keywords(sp, args, kw))
    return call


def _varargs(d, impl):
    lo, hi = d.required, len(d.params)
    star = d.star
    check = d.check_positional if d.unpack else d.check_tuple

    def parse(sp, self, args, packed=None):
        if star:
            if len(args) < lo:
                check(len(args), lo, _UNLIMITED)
            return impl(sp, self, args if packed is None else packed)
        if not lo <= len(args) <= hi:
            check(len(args), lo, hi)
        return impl(sp, self, *args)

    if not d.pack:
        def call(sp, self, args, kw):
            if kw:
                raise d.no_kw()
            return parse(sp, self, args)
        return call

    def packed(sp, self, args, kw):
        if kw:
            raise d.no_kw()
        heap = sp.heap
        t = sp.newtuple_borrowed(args) if args else incref(heap.empty_tuple)
        try:
            # with *args, the implementation receives the packed tuple (a guest object)
            return parse(sp, self, args, t)
        finally:
            heap.decref(t)
    return packed


def _varargs_kw(d, impl):
    inner = _fastcall_kw(d, impl)
    if not d.pack:
        if d.exact_kw is None:
            return inner

        def unpacked(sp, self, args, kw):
            if kw and self is d.exact_kw(sp):
                raise d.no_kw()
            return inner(sp, self, args, kw)
        return unpacked

    def call(sp, self, args, kw):
        if kw and d.exact_kw is not None and self is d.exact_kw(sp):
            raise d.no_kw()
        t, dct = pack_args(sp, args, kw)
        try:
            # with *args, the implementation receives the packed tuple (a guest object)
            return inner(sp, self, args, kw, t)
        finally:
            release_args(sp.heap, t, dct)
    return call


def _slot_wrapper(d, impl):
    n = len(d.params)

    def call(sp, self, args, kw):
        if kw:
            raise GuestError("TypeError", f"wrapper {d.name}() takes no keyword arguments")
        if len(args) != n:
            raise GuestError("TypeError", f"expected {n} argument{_s(n)}, got {len(args)}")
        return impl(sp, self, *args)
    return call


def _any_keywords(d, impl):
    """``**kwargs``: the keywords go to the implementation as they are (``dict(...)``,
    ``dict.update``); the positional count is checked as ``_PyArg_CheckPositional`` /
    ``PyArg_UnpackTuple`` check it."""
    lo, hi = d.required, _UNLIMITED if d.star else d.maxpos
    pack = d.pack

    def call(sp, self, args, kw):
        if not pack:
            if not lo <= len(args) <= hi:
                d.check_positional(len(args), lo, hi)
            return impl(sp, self, args, kw)
        t, dct = pack_args(sp, args, kw)
        try:
            if not lo <= len(args) <= hi:
                d.check_positional(len(args), lo, hi)
            return impl(sp, self, args, kw)
        finally:
            release_args(sp.heap, t, dct)
    return call


# Not a METH_* convention: the slot wrappers of ``tp_as_number`` and friends called as methods
# (``wrap_binaryfunc``: "expected 1 argument, got 0").
SLOT_WRAPPER = 0x10000

_WRAPPERS = {
    SLOT_WRAPPER: _slot_wrapper,
    METH_NOARGS: _noargs, METH_O: _o, METH_FASTCALL: _fastcall,
    METH_FASTCALL | METH_KEYWORDS: _fastcall_kw, METH_VARARGS: _varargs,
    METH_VARARGS | METH_KEYWORDS: _varargs_kw,
}


def declare(impl, signature, flags, **options):
    """The host callable ``fn(sp, self, args, kw)`` for ``impl`` declared by ``signature``
    with the calling convention ``flags`` (see the module docstring)."""
    d = Decl(signature, flags, **options)
    fn = (_any_keywords if d.varkw else _WRAPPERS[flags])(d, impl)
    fn.decl = d
    fn.impl = impl
    fn.__name__ = impl.__name__
    fn.__doc__ = impl.__doc__
    return fn


def builtin(signature, flags, **options):
    """Decorator form of ``declare``."""
    def deco(impl):
        return declare(impl, signature, flags, **options)
    return deco


# --- class and static methods -----------------------------------------------------------------

def classmethod_fn(type_of):
    """Mark a builtin type's class method (METH_CLASS): the function receives the class as
    ``self``.  Where the attribute machinery hands it an unbound call instead (the first
    argument in ``self``), the arguments are shifted back and the class is the builtin type
    (``type_of(heap)``)."""
    def deco(fn):
        def method(sp, self, args, kw):
            if not isinstance(self, TypeObject):
                if self is not None:
                    args = [self] + list(args)
                self = type_of(sp.heap)
            return fn(sp, self, args, kw)
        method.meth_class = True
        method.__name__ = fn.__name__
        method.decl = getattr(fn, "decl", None)
        return method
    return deco


def staticmethod_fn(fn):
    """Mark a builtin type's static method (METH_STATIC, e.g. ``str.maketrans``): the
    function ignores ``self``; an unbound call's first argument is shifted back."""
    def method(sp, self, args, kw):
        if self is not None and not isinstance(self, TypeObject):
            args = [self] + list(args)
        return fn(sp, None, args, kw)
    method.meth_static = True
    method.__name__ = fn.__name__
    method.decl = getattr(fn, "decl", None)
    return method


# --- parser state and argument packing ---------------------------------------------------------

def kw_parser(sp, key, names):
    """Argument Clinic's ``_PyArg_Parser`` first use with keywords (``parser_init``): a
    tuple of the interned keyword names, made once per parser and kept for the life of the
    process (one block, one generation-0 allocation).  ``key`` names the parser (functions
    sharing a parser share the key, e.g. ``sorted`` and ``list.sort``)."""
    heap = sp.heap
    parsers = getattr(heap, "clinic_parsers", None)     # made on the first parser's first use
    if parsers is None:
        parsers = heap.clinic_parsers = {}
        if getattr(heap, "reclaim", None) is not None:   # absent on a bare heap (unit tests)
            add_root_provider(heap, lambda: list(parsers.values()))
    if key in parsers:
        return
    t = tuple_new(heap, len(names))
    for i, n in enumerate(names):
        # the keyword names are identifiers CPython has interned by start-up
        name = static_interned_str(heap, n)
        name.ob_refcnt += 1
        t.items[i] = name
    parsers[key] = t


def pack_args(sp, args, kw):
    """The ``METH_VARARGS | METH_KEYWORDS`` / ``tp_new`` calling convention
    (``_PyObject_MakeTpCall``): the positional arguments as a new tuple (the tuple free list,
    ``()`` when there are none), then the keywords as a new dict (``_PyStack_AsDict``).
    Returns (tuple, dict or None); release both with ``release_args`` after the call."""
    heap = sp.heap
    t = sp.newtuple_borrowed(args) if args else incref(heap.empty_tuple)
    d = None
    if kw:
        d = dict_new(heap)
        for k, v in kw.items():
            key = intern_string(heap, k)
            dict_setitem(heap, d, key, v)
            heap.decref(key)
    return t, d


def release_args(heap, t, d):
    heap.decref(t)
    if d is not None:
        heap.decref(d)


def incref(o):
    o.ob_refcnt += 1
    return o

"""Argument handling shared by the guest builtins and the builtin types' methods (*_methods.py).

Every guest-callable host function has the signature ``fn(sp, self, args, kw)``: ``args`` a
host list of borrowed objects, ``kw`` a host dict name -> borrowed object (or None); it returns
a new reference.  These helpers raise CPython's exact argument errors.
"""

from heapsim.base.errors import GuestError


def incref(o):
    o.ob_refcnt += 1
    return o


def arity(name, args, lo, hi=None):
    """Positional count check with the messages of ``PyArg_UnpackTuple``/``_PyArg_CheckPositional``."""
    n = len(args)
    hi = lo if hi is None else hi
    if lo <= n <= hi:
        return
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


def clinic_arity(name, args, lo, hi, owner=None):
    """Positional count check with CPython's messages: ``METH_NOARGS``/``METH_O`` ("TYPE.NAME()
    takes no arguments / exactly one argument (N given)", qualified by the type of ``owner``
    for methods) and Argument Clinic's ``_PyArg_CheckPositional`` ("NAME expected at least
    N arguments, got M")."""
    n = len(args)
    if lo <= n <= hi:
        return
    if lo == hi and lo <= 1:
        qual = name
        if owner is not None:
            from heapsim.objects.core import TypeObject
            tname = owner.name if isinstance(owner, TypeObject) else owner.ob_type.name
            qual = f"{tname}.{name}"
        if lo == 0:
            raise GuestError("TypeError", f"{qual}() takes no arguments ({n} given)")
        raise GuestError("TypeError", f"{qual}() takes exactly one argument ({n} given)")
    if lo == hi:
        raise GuestError("TypeError", f"{name} expected {lo} argument{'s' if lo != 1 else ''}"
                         f", got {n}")
    if n < lo:
        raise GuestError("TypeError", f"{name} expected at least {lo} argument"
                         f"{'s' if lo != 1 else ''}, got {n}")
    raise GuestError("TypeError", f"{name} expected at most {hi} argument"
                     f"{'s' if hi != 1 else ''}, got {n}")


def no_kw(name, kw):
    if kw:
        raise GuestError("TypeError", f"{name}() takes no keyword arguments")


def parse(name, args, kw, names, required=0, posonly=0, sp=None, key=None):
    """Argument Clinic-style parsing: ``names`` the parameter names in order, the first
    ``posonly`` positional-only, the first ``required`` required.  Returns a host list with
    None for a missing optional argument.  With keywords, the parser's first use makes its
    keyword tuple (``kw_parser``; ``key`` names the parser, default ``name``)."""
    n = len(args)
    total = len(names)
    if posonly == total:
        if kw:
            raise GuestError("TypeError", f"{name}() takes no keyword arguments")
        clinic_arity(name, args, required, total)
        return list(args) + [None] * (total - n)
    if kw and sp is not None:
        kw_parser(sp, key or name, names[posonly:])
    if n > total:
        if total == 0:
            raise GuestError("TypeError", f"{name}() takes no arguments ({n} given)")
        raise GuestError("TypeError", f"{name}() takes at most {total} argument"
                         f"{'s' if total != 1 else ''} ({n} given)")
    out = list(args) + [None] * (total - n)
    if kw:
        for k, v in kw.items():
            try:
                i = names.index(k)
            except ValueError:
                i = -1
            if i < posonly:
                raise GuestError("TypeError", f"'{k}' is an invalid keyword argument for "
                                 f"{name}()")
            if i < n:
                raise GuestError("TypeError", f"argument for {name}() given by name ('{k}') "
                                 f"and position ({i + 1})")
            out[i] = v
    for i in range(required):
        if out[i] is None:
            if i < posonly or not kw:
                given = sum(1 for x in out if x is not None)
                if required == total:
                    raise GuestError("TypeError", f"{name}() takes exactly {required} "
                                     f"argument{'s' if required != 1 else ''} ({given} given)")
                raise GuestError("TypeError", f"{name}() takes at least {required} "
                                 f"argument{'s' if required != 1 else ''} ({given} given)")
            raise GuestError("TypeError", f"{name}() missing required argument "
                             f"'{names[i]}' (pos {i + 1})")
    return out


def as_index(sp, obj, what=None):
    """``PyNumber_Index`` for the builtin ints (and ``__index__`` through the space when it
    offers ``index``): a host int."""
    h = sp.heap
    tp = obj.ob_type
    if tp is h.int_type or tp is h.bool_type:
        return obj.value
    if hasattr(obj, "value") and type(obj.value) is int and sp.isinstance_tp(obj, h.int_type):
        return obj.value
    fn = getattr(sp, "number_index", None)
    if fn is not None and tp is not h.float_type and tp is not h.str_type:
        r = fn(obj)
        if r is not None:
            return r
    raise GuestError("TypeError", what or f"'{tp.name}' object cannot be interpreted as an "
                     "integer")


def as_ssize(sp, obj, what=None):
    """``Py_ssize_t`` conversion (``PyNumber_AsSsize_t`` with OverflowError)."""
    v = as_index(sp, obj, what)
    if not -(1 << 63) <= v < (1 << 63):
        raise GuestError("OverflowError", "Python int too large to convert to C ssize_t")
    return v


def opt_none(sp, obj):
    """None for a missing argument or a guest None."""
    if obj is None or obj is sp.heap.none:
        return None
    return obj


def str_arg(sp, obj, fname, argdesc="argument", pos=None):
    """The host str of a str argument, or CPython's clinic TypeError."""
    h = sp.heap
    if obj.ob_type is h.str_type or isinstance(getattr(obj, "value", None), str):
        return obj.value
    where = f"argument {pos}" if pos is not None else argdesc
    raise GuestError("TypeError", f"{fname}() {where} must be str, not {obj.ob_type.name}")


def type_name(obj):
    return obj.ob_type.name


def classmethod_fn(tpname):
    """Mark a builtin type's class method (METH_CLASS): the function receives the class as
    ``self``.  Where the attribute machinery hands it an unbound call instead (the first
    argument in ``self``), the arguments are shifted back and the class is the builtin type."""
    def deco(fn):
        from heapsim.objects.core import TypeObject

        def method(sp, self, args, kw):
            if not isinstance(self, TypeObject):
                if self is None:
                    self = sp.heap.types[tpname]
                else:
                    args = [self] + list(args)
                    self = sp.heap.types[tpname]
            return fn(sp, self, args, kw)
        method.meth_class = True
        method.__name__ = fn.__name__
        return method
    return deco


def staticmethod_fn(fn):
    """Mark a builtin type's static method (METH_STATIC, e.g. ``str.maketrans``): the
    function ignores ``self``; an unbound call's first argument is shifted back."""
    from heapsim.objects.core import TypeObject

    def method(sp, self, args, kw):
        if self is not None and not isinstance(self, TypeObject):
            args = [self] + list(args)
        return fn(sp, None, args, kw)
    method.meth_static = True
    method.__name__ = fn.__name__
    return method


def kw_parser(sp, key, names):
    """Argument Clinic's ``_PyArg_Parser`` first use with keywords (``parser_init``): a
    tuple of the interned keyword names, made once per parser and kept for the life of the
    process (one block, one generation-0 allocation).  ``key`` names the parser (functions
    sharing a parser share the key, e.g. ``sorted`` and ``list.sort``)."""
    heap = sp.heap
    parsers = getattr(heap, "clinic_parsers", None)
    if parsers is None:
        parsers = heap.clinic_parsers = {}
        if getattr(heap, "reclaim", None) is not None:
            from heapsim.reclaim import add_root_provider
            add_root_provider(heap, lambda: list(parsers.values()))
    if key in parsers:
        return
    from heapsim.objects.tupleobject import tuple_new
    from heapsim.objects.unicodeobject import static_interned_str
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
        from heapsim.objects.dictobject import dict_new, dict_setitem
        from heapsim.objects.unicodeobject import intern_string
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


def tuple_arity(name, args, lo, hi):
    """``PyArg_ParseTuple``'s count messages ("NAME() takes at least 1 argument (0 given)"),
    as the stringlib find/count/startswith family reports them."""
    n = len(args)
    if n < lo:
        raise GuestError("TypeError", f"{name}() takes at least {lo} argument"
                         f"{'s' if lo != 1 else ''} ({n} given)")
    if n > hi:
        raise GuestError("TypeError", f"{name}() takes at most {hi} argument"
                         f"{'s' if hi != 1 else ''} ({n} given)")

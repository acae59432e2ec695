"""Attributes of builtin objects that have no method table entry: the getset and member
descriptors of generators (``gi_*``), frame objects (``f_*``), tracebacks (``tb_*``), exceptions
(``__traceback__``, ``__context__``, ...), ``KeyedRef.key`` and weak proxies forwarding to
their referent (Objects/genobject.c, frameobject.c, Python/traceback.c, Objects/exceptions.c,
Objects/weakrefobject.c).

``install`` puts them in the types' ``tp_getattro``/``tp_setattro`` slots, which the object
space consults before its generic lookup of a builtin object's attribute: a get hook returns a
new reference or None to fall through; a set hook returns True once it has handled the store.
It also fills the ``tp_repr``, ``nb_binop`` and ``mp_*`` slots of the types whose behaviour
lives here (dict views, weak proxies, bytes, bytearray, range).
"""

from heapsim.base.errors import GuestError
from heapsim.interp.methods import bytes_methods as lib_bytes
from heapsim.interp.methods.dict_methods import dict_update_from
from heapsim.interp.methods.format import format_object, str_mod
from heapsim.interp.types.descrobject import install_exc_methods
from heapsim.interp.types.exceptiongroup import group_attr
from heapsim.interp.types.frameobject import frame_locals, get_frame_object
from heapsim.interp.types.syntaxerr import FIELDS as SYNTAX_FIELDS, is_syntax_error, syntax_field
from heapsim.interp.types.genobject import CLEARED, EXECUTING, SUSPENDED, \
    yield_from_target
from heapsim.objects.core import TPFLAGS_HEAPTYPE as HEAPTYPE, add_methods
from heapsim.objects.dictobject import dict_delitem, dict_getitem, dict_items, dict_new, dict_setitem
from heapsim.objects.listobject import list_append
from heapsim.objects.setobject import set_add_key, set_ior, set_isub, set_ixor, set_new
from heapsim.objects.unicodeobject import intern_string
from heapsim.objects.weakrefobject import get_object, type_display_name


def _incref(o):
    o.ob_refcnt += 1
    return o


# --- generators ---------------------------------------------------------------------------

def gen_repr(sp, gen):
    return f"<generator object {gen.qualname.value} at {gen.addr:#x}>"


def gen_getattr(sp, gen, name):
    h = sp.heap
    if name == "gi_running":
        return sp.newbool(gen.state == EXECUTING)
    if name == "gi_suspended":
        return sp.newbool(gen.state == SUSPENDED)
    if name == "gi_code":
        return _incref(gen.code)
    if name == "gi_frame":
        if gen.state == CLEARED or gen.frame is None:
            return sp.none()
        return _incref(get_frame_object(h, gen.frame))
    if name == "gi_yieldfrom":
        yf = yield_from_target(gen)
        return _incref(yf if yf is not None else h.none)
    if name == "__name__":
        return _incref(gen.name)
    if name == "__qualname__":
        return _incref(gen.qualname)
    return None


# --- frame objects ------------------------------------------------------------------------

def _running(fo):
    return not fo.owned


def _frame_back(sp, fo):
    """``PyFrame_GetBack``: a new reference."""
    h = sp.heap
    if fo.f_back is not None:
        return _incref(fo.f_back)
    f = fo.frame
    if fo.owned or f is None:
        return sp.none()
    if f.gen is not None and f.gen.state != EXECUTING:
        return sp.none()
    prev = f.back
    if prev is None:
        return sp.none()
    return _incref(get_frame_object(h, prev))


def frame_lineno(fo):
    f = fo.frame
    i = f.i - 1 if f.i > 0 else 0
    return f.dc.line_of(i)


def _frame_locals(sp, fo):
    """``frame.f_locals`` (``PyFrame_FastToLocalsWithError`` for a function's frame)."""
    return _incref(frame_locals(sp.heap, fo.frame))


def frame_getattr(sp, fo, name):
    h = sp.heap
    f = fo.frame
    if name == "f_back":
        return _frame_back(sp, fo)
    if name == "f_lineno":
        return sp.newint(frame_lineno(fo))
    if name == "f_lasti":
        return sp.newint(max(f.i - 1, 0) * 2)
    if name == "f_code":
        return _incref(f.code)
    if name == "f_globals":
        return _incref(f.globals)
    if name == "f_builtins":
        return _incref(f.builtins)
    if name == "f_locals":
        return _frame_locals(sp, fo)
    if name == "f_trace":
        return sp.none()
    return None


# --- tracebacks -----------------------------------------------------------------------------

def tb_getattr(sp, tb, name):
    h = sp.heap
    if name == "tb_next":
        return _incref(tb.tb_next if tb.tb_next is not None else h.none)
    if name == "tb_frame":
        return _incref(tb.tb_frame)
    if name == "tb_lineno":
        return sp.newint(tb.lineno)
    if name == "tb_lasti":
        return sp.newint(tb.index * 2)
    return None


# --- exceptions -----------------------------------------------------------------------------

def exc_getattr(sp, e, name):
    h = sp.heap
    if name == "__traceback__":
        return _incref(e.traceback if e.traceback is not None else h.none)
    if name == "__suppress_context__":
        return sp.newbool(e.suppress_context)
    if name == "__context__":
        return _incref(e.context if e.context is not None else h.none)
    if name == "__cause__":
        return _incref(e.cause if e.cause is not None else h.none)
    if name == "args":
        return _incref(e.args)
    if name == "__dict__":
        if e.ex_dict is None:
            e.ex_dict = dict_new(h)
        return _incref(e.ex_dict)
    d = e.ex_dict
    if d is not None:
        k = intern_string(h, name)
        v = dict_getitem(h, d, k)
        h.decref(k)
        if v is not None:
            return _incref(v)
    if e.eg_msg is not None and name in ("message", "exceptions"):
        return group_attr(sp, e, name)
    if name in SYNTAX_FIELDS and is_syntax_error(sp, e):
        v = syntax_field(sp, e, name)
        return _incref(v if v is not None else h.none)
    return None


def exc_store_dict(sp, e, name, value):
    """A plain attribute of an exception lives in its ``__dict__`` (``tp_dictoffset``)."""
    h = sp.heap
    k = intern_string(h, name)
    try:
        if value is None:
            d = e.ex_dict
            if d is None or dict_getitem(h, d, k) is None:
                raise GuestError("AttributeError", f"'{e.ob_type.name}' object has no "
                                 f"attribute '{name}'")
            dict_delitem(h, d, k)
            return True
        if e.ex_dict is None:
            e.ex_dict = dict_new(h)
        dict_setitem(h, e.ex_dict, k, value)
        return True
    finally:
        h.decref(k)


def exc_add_note(sp, e, args, kw):
    """``BaseException.add_note``: appends to ``__notes__``, made on first use."""
    h = sp.heap
    if kw:
        raise GuestError("TypeError", "BaseException.add_note() takes no keyword arguments")
    if len(args) != 1:
        raise GuestError("TypeError", f"BaseException.add_note() takes exactly one argument "
                         f"({len(args)} given)")
    note = args[0]
    if not sp.isinstance_tp(note, h.str_type):
        raise GuestError("TypeError", f"note must be a str, not '{note.ob_type.name}'")
    k = intern_string(h, "__notes__")
    try:
        notes = sp.getattr_opt(e, k)
        if notes is None:
            notes = sp.newlist([])
            sp.setattr_name(e, k, notes)
    finally:
        h.decref(k)
    try:
        if notes.ob_type is not h.list_type:
            raise GuestError("TypeError", "Cannot add note: __notes__ is not a list")
        list_append(h, notes, note)
    finally:
        h.decref(notes)
    return sp.none()


def exc_with_traceback(sp, e, args, kw):
    h = sp.heap
    if kw or len(args) != 1:
        raise GuestError("TypeError", f"BaseException.with_traceback() takes exactly one "
                         f"argument ({len(args)} given)")
    exc_setattr(sp, e, "__traceback__", args[0])
    return _incref(e)


def _exc_store(h, e, field, value):
    old = getattr(e, field)
    setattr(e, field, _incref(value) if value is not None else None)
    if old is not None:
        h.decref(old)


def exc_setattr(sp, e, name, value):
    """Stores into BaseException's getset descriptors (value None: delete)."""
    h = sp.heap
    base = sp.exc_types["BaseException"]
    if name == "__traceback__":
        if value is None:
            raise GuestError("TypeError", "__traceback__ may not be deleted")
        if value is h.none:
            value = None
        elif value.ob_type is not h.traceback_type:
            raise GuestError("TypeError", "__traceback__ must be a traceback or None")
        _exc_store(h, e, "traceback", value)
        return True
    if name in ("__context__", "__cause__"):
        what = "context" if name == "__context__" else "cause"
        if value is None:
            raise GuestError("TypeError", f"{what} may not be deleted")
        if value is h.none:
            value = None
        elif not sp.isinstance_tp(value, base):
            raise GuestError("TypeError",
                             f"exception {what} must be None or derive from BaseException")
        _exc_store(h, e, what, value)
        if what == "cause":
            e.suppress_context = True
        return True
    if name == "__suppress_context__":
        if value is None:
            raise GuestError("TypeError", "can't delete __suppress_context__ attribute")
        e.suppress_context = sp.truth(value)
        return True
    if name == "args":
        if value is None:
            raise GuestError("TypeError", "args may not be deleted")
        t = sp.call(h.tuple_type, [value], None)
        old = e.args
        e.args = t
        h.decref(old)
        return True
    if e.ob_type.flags & HEAPTYPE:
        return False
    return exc_store_dict(sp, e, name, value)


# --- weak references ------------------------------------------------------------------------

def _proxy_referent(sp, wr):
    o = get_object(sp.heap, wr)
    if o is sp.heap.none:
        raise GuestError("ReferenceError", "weakly-referenced object no longer exists")
    return o


def weakref_getattr(sp, wr, name):
    h = sp.heap
    tp = wr.ob_type
    if tp is h.weakproxy_type or tp is h.weakcallableproxy_type:
        return sp.getattr(_proxy_referent(sp, wr), name)
    if name == "key" and wr.key is not None:
        return _incref(wr.key)
    if name == "__callback__":
        return _incref(wr.wr_callback if wr.wr_callback is not None else h.none)
    return None


def weakref_setattr(sp, wr, name, value):
    h = sp.heap
    tp = wr.ob_type
    if tp is h.weakproxy_type or tp is h.weakcallableproxy_type:
        o = _proxy_referent(sp, wr)
        k = intern_string(h, name)
        try:
            sp.setattr_name(o, k, value)
        finally:
            h.decref(k)
        return True
    return False


# --- code objects -------------------------------------------------------------------------

def _names_tuple(sp, names):
    h = sp.heap
    return sp.newtuple([intern_string(h, n) for n in names])


def code_getattr(sp, co, name):
    h = sp.heap
    host = co.host
    if name == "co_name":
        return _incref(co.co_name)
    if name == "co_qualname":
        return _incref(co.co_qualname)
    if name == "co_filename":
        return _incref(co.co_filename)
    if name == "co_consts":
        return sp.newtuple([_incref(c) for c in co.co_consts])
    if name == "co_names":
        return sp.newtuple([_incref(c) for c in co.co_names])
    if name in ("co_varnames", "co_cellvars", "co_freevars"):
        return _names_tuple(sp, getattr(host, name))
    if name in ("co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals",
                "co_stacksize", "co_flags", "co_firstlineno"):
        return sp.newint(getattr(host, name))
    return None


# --- functions ----------------------------------------------------------------------------

def _func_dict(sp, fn):
    if fn.func_dict is None:
        fn.func_dict = dict_new(sp.heap)
    return fn.func_dict


def func_getattr(sp, fn, name):
    h = sp.heap
    if name == "__dict__":
        return _incref(_func_dict(sp, fn))
    if name == "__code__":
        return _incref(fn.func_code)
    if name == "__globals__":
        return _incref(fn.func_globals)
    if name == "__builtins__":
        return _incref(fn.func_builtins)
    if name == "__closure__":
        return _incref(fn.func_closure if fn.func_closure is not None else h.none)
    if name == "__kwdefaults__":
        return _incref(fn.func_kwdefaults if fn.func_kwdefaults is not None else h.none)
    if name == "__module__":
        return _incref(fn.func_module if fn.func_module is not None else h.none)
    if name in ("__name__", "__qualname__", "__defaults__", "__doc__", "__annotations__"):
        return None
    d = fn.func_dict
    if d is not None:
        k = intern_string(h, name)
        v = dict_getitem(h, d, k)
        h.decref(k)
        if v is not None:
            return _incref(v)
    return None


def _func_store(h, fn, field, value):
    old = getattr(fn, field)
    setattr(fn, field, _incref(value))
    if old is not None:
        h.decref(old)


def func_setattr(sp, fn, name, value):
    """``func_set_name`` and the other setters of functions; anything else goes to the
    function's ``__dict__``."""
    h = sp.heap
    if name in ("__name__", "__qualname__"):
        if value is None or not sp.isinstance_tp(value, h.str_type):
            raise GuestError("TypeError", f"{name} must be set to a string object")
        _func_store(h, fn, "func_name" if name == "__name__" else "func_qualname", value)
        return True
    if name == "__doc__":
        _func_store(h, fn, "func_doc", value if value is not None else h.none)
        return True
    if name == "__module__":
        _func_store(h, fn, "func_module", value if value is not None else h.none)
        return True
    if name in ("__defaults__", "__kwdefaults__"):
        field = "func_defaults" if name == "__defaults__" else "func_kwdefaults"
        want = h.tuple_type if name == "__defaults__" else h.dict_type
        if value is None or value is h.none:
            old = getattr(fn, field)
            setattr(fn, field, None)
            if old is not None:
                h.decref(old)
            return True
        if not sp.isinstance_tp(value, want):
            what = "tuple" if want is h.tuple_type else "dict"
            raise GuestError("TypeError", f"{name} must be set to a {what} object")
        _func_store(h, fn, field, value)
        return True
    if name in ("__code__", "__globals__", "__closure__", "__builtins__", "__annotations__"):
        return False
    if name == "__dict__":
        if value is None:
            raise GuestError("TypeError", "cannot delete __dict__")
        if value.ob_type is not h.dict_type:
            raise GuestError("TypeError", "__dict__ must be set to a dictionary, not a "
                             f"'{value.ob_type.name}'")
        old = fn.func_dict
        fn.func_dict = _incref(value)
        if old is not None:
            h.decref(old)
        return True
    k = intern_string(h, name)
    try:
        if value is None:
            d = fn.func_dict
            if d is None or dict_getitem(h, d, k) is None:
                raise GuestError("AttributeError", f"'function' object has no attribute "
                                 f"'{name}'")
            dict_delitem(h, d, k)
        else:
            dict_setitem(h, _func_dict(sp, fn), k, value)
    finally:
        h.decref(k)
    return True


# --- reprs ----------------------------------------------------------------------------------

def bytearray_repr(sp, obj):
    return f"bytearray({bytes(obj.value)!r})"


def view_repr(sp, v):
    """``dictview_repr``: the view's items as a list, guarded against recursion."""
    key = id(v)
    name = v.ob_type.name
    if key in sp.repr_active:
        return "..."
    sp.repr_active.add(key)
    try:
        d = v.dict
        if name == "dict_keys":
            parts = [sp.repr_host(k) for k, _ in dict_items(d)]
        elif name == "dict_values":
            parts = [sp.repr_host(x) for _, x in dict_items(d)]
        else:
            parts = [f"({sp.repr_host(k)}, {sp.repr_host(x)})" for k, x in dict_items(d)]
        return f"{name}([{', '.join(parts)}])"
    finally:
        sp.repr_active.discard(key)


def weakref_repr(sp, wr):
    h = sp.heap
    o = get_object(h, wr)
    tp = wr.ob_type
    if tp is h.weakproxy_type or tp is h.weakcallableproxy_type:
        return (f"<weakproxy at {wr.addr:#x} to {type_display_name(o.ob_type)} at "
                f"{o.addr:#x}>")
    if o is h.none:
        return f"<weakref at {wr.addr:#x}; dead>"
    k = intern_string(h, "__name__")
    try:
        name = sp.getattr_opt(o, k)
    finally:
        h.decref(k)
    text = f"<weakref at {wr.addr:#x}; to '{type_display_name(o.ob_type)}' at {o.addr:#x}"
    if name is not None:
        if name.ob_type is h.str_type:
            text += f" ({name.value})"
        h.decref(name)
    return text + ">"


# --- operators ------------------------------------------------------------------------------

def view_binop(sp, op, a, b):
    """``dictviews_or/sub/xor`` (keys and items views, either operand): a new set made from
    the left operand, updated in place by the right one; ``_PyDictView_Intersect`` adds the
    items of one operand that the other contains."""
    h = sp.heap
    base = op[:-1] if op.endswith("=") else op
    if base not in ("|", "&", "-", "^"):
        return None
    vals = sp.iter_types["dict_values"]
    if a.ob_type is vals or b.ob_type is vals:
        return None
    if base == "&":
        view, other = (a, b) if a.ob_type.nb_binop is view_binop else (b, a)
        if other.ob_type is h.set_type and sp.len(view) <= sp.len(other):
            source, holder = view, other
        else:
            source, holder = other, view
        res = set_new(h)
        try:
            for x in sp.iterate(source):
                try:
                    if sp.contains(holder, x):
                        set_add_key(h, res, x)
                finally:
                    h.decref(x)
        except GuestError:
            h.decref(res)
            raise
        return res
    fn = {"|": set_ior, "-": set_isub, "^": set_ixor}[base]
    sa = sp.call(h.set_type, [a], None)
    try:
        sb = sp.call(h.set_type, [b], None)
    except GuestError:
        h.decref(sa)
        raise
    try:
        r = fn(h, sa, sb)
        h.decref(r)
        return sa
    finally:
        h.decref(sb)


def dict_binop(sp, op, a, b):
    """``dict |= mapping or iterable of pairs`` (``dict_ior`` is ``PyDict_Update``)."""
    h = sp.heap
    if op != "|=" or a.ob_type is not h.dict_type:
        return None
    dict_update_from(sp, a, b)
    return _incref(a)


def proxy_binop(sp, op, a, b):
    pt = sp.proxy_types
    return sp.binary_op(op, _proxy_referent(sp, a) if a.ob_type in pt else a,
                        _proxy_referent(sp, b) if b.ob_type in pt else b)


def proxy_getitem(sp, p, key):
    return sp.getitem(_proxy_referent(sp, p), key)


def proxy_setitem(sp, p, key, value):
    o = _proxy_referent(sp, p)
    if value is None:
        return sp.delitem(o, key)
    return sp.setitem(o, key, value)


def install(sp):
    """Fill the builtin types' attribute, repr, number and mapping slots defined here."""
    h = sp.heap
    sp.str_mod = str_mod
    sp.format_object = format_object
    exc_types = [tp for tp in sp.exc_types.values() if not tp.flags & HEAPTYPE]
    weakref_types = (h.weakref_type, h.keyedref_type, h.weakproxy_type,
                     h.weakcallableproxy_type)
    for types, get, set_ in (((h.generator_type,), gen_getattr, None),
                             ((h.frame_type,), frame_getattr, None),
                             ((h.traceback_type,), tb_getattr, None),
                             (exc_types, exc_getattr, exc_setattr),
                             (weakref_types, weakref_getattr, weakref_setattr),
                             ((h.code_type,), code_getattr, None),
                             ((h.function_type,), func_getattr, func_setattr)):
        for tp in types:
            tp.tp_getattro = get
            tp.tp_setattro = set_
    install_exc_methods(sp)
    add_methods(sp.exc_types["BaseException"],
                {"add_note": exc_add_note, "with_traceback": exc_with_traceback})
    h.bytearray_type.tp_repr = bytearray_repr
    h.generator_type.tp_repr = gen_repr
    for name in ("dict_keys", "dict_values", "dict_items"):
        sp.iter_types[name].tp_repr = view_repr
    for tp in weakref_types:
        tp.tp_repr = weakref_repr
    sp.iter_types["dict_keys"].nb_binop = view_binop
    sp.iter_types["dict_items"].nb_binop = view_binop
    h.dict_type.nb_binop = dict_binop
    sp.proxy_types = (h.weakproxy_type, h.weakcallableproxy_type)
    sp.proxy_referent = lambda p: _proxy_referent(sp, p)
    for tp in sp.proxy_types:
        tp.nb_binop = proxy_binop
        tp.mp_subscript = proxy_getitem
        tp.mp_ass_subscript = proxy_setitem
    h.bytes_type.mp_subscript = lib_bytes.bytes_subscript
    h.bytearray_type.mp_subscript = lib_bytes.bytearray_subscript
    h.range_type.mp_subscript = lib_bytes.range_subscript
    h.bytearray_type.mp_ass_subscript = lib_bytes.bytearray_ass_subscript
    h.bytes_type.nb_binop = lib_bytes.bytes_binop
    h.bytearray_type.nb_binop = lib_bytes.bytes_binop

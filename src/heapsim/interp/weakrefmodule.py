"""The guest ``weakref`` module over the object model's weak references
(``heapsim.objects.weakrefobject``) and the reclaim layer's clearing (``reclaim.weakrefs``).

Native, as in CPython's ``_weakref`` C module: ``ref`` (``ReferenceType``, with callbacks,
shared callback-less refs), ``proxy`` (``ProxyType`` / ``CallableProxyType``),
``getweakrefcount``, ``getweakrefs``, ``KeyedRef`` (88 bytes, CPython's ``__slots__ =
("key",)`` subclass of ref) and ``_remove_dead_weakref``.  Calling a ref or a callable proxy
is the types' ``tp_call`` (``weakref_call``).

Guest Python, as in CPython's Lib/weakref.py and Lib/_weakrefset.py: ``WeakValueDictionary``,
``WeakKeyDictionary``, ``WeakSet``, ``finalize`` (see ``weakref_guest`` for why and how).  Their
source is compiled once per process and run into the module's namespace at start-up.  At exit
the runtime calls ``run_atexit``, which runs ``finalize._exitfunc`` as CPython's atexit does.

Not yet: ``WeakMethod`` (needs subclasses of ``ReferenceType`` in the class machinery: its name
raises ``Unsupported``); ``KeyedRef.key`` and attribute forwarding of proxies (the object
space's attribute lookup of builtin types has no per-type hook yet).
"""

from heapsim.base.errors import GuestError, GuestException, Unsupported
from heapsim.interp.sysmodule import arity, incref, mdef_fn, new_module, set_attr
from heapsim.objects import weakrefobject as wro
from heapsim.objects.dictobject import delitem_common, dict_getitem, lookup_entry, value_at
from heapsim.objects.longobject import new_int


def weakref_call(sp, wr, args, kw):
    """``tp_call`` of refs (``weakref___call__``: the referent or None) and of callable
    proxies (``proxy_call``: the referent called)."""
    heap = sp.heap
    tp = wr.ob_type
    if tp is heap.weakcallableproxy_type:
        obj = wro.get_object(heap, wr)
        if obj is heap.none:
            raise GuestError("ReferenceError", "weakly-referenced object no longer exists")
        obj.ob_refcnt += 1
        try:
            return sp.call(obj, args, kw)
        finally:
            heap.decref(obj)
    if kw:
        raise GuestError("TypeError", "weakref() takes no keyword arguments")
    if args:
        raise GuestError("TypeError",
                         f"weakref() takes exactly 0 arguments ({len(args)} given)")
    obj = wro.get_object(heap, wr)
    obj.ob_refcnt += 1
    return obj


_GUEST_CODE = None


def _guest_host_code():
    """The host code object of the guest half (compiled once per process)."""
    global _GUEST_CODE
    if _GUEST_CODE is None:
        from heapsim.interp.weakref_guest import SOURCE
        _GUEST_CODE = compile(SOURCE, GUEST_FILENAME, "exec", dont_inherit=True)
    return _GUEST_CODE


# Where CPython's library lives; tracebacks through the guest half name this file.
GUEST_FILENAME = "/usr/local/lib/python3.11/weakref.py"


def make_weakref(sp, builtins=None):
    """The ``weakref`` module: the native functions and types, then (given the builtins
    module) the guest half run into its namespace."""
    heap = sp.heap
    mod = new_module(sp, "weakref")
    for tp in (heap.weakref_type, heap.keyedref_type, heap.weakcallableproxy_type):
        tp.tp_call = weakref_call

    def c_ref(sp, tp, args, kw):
        if kw:
            raise GuestError("TypeError", f"{tp.name} takes no keyword arguments")
        if tp is heap.keyedref_type:
            if len(args) != 3:
                raise GuestError("TypeError", f"KeyedRef.__new__() missing "
                                 f"{3 - len(args)} required positional argument"
                                 f"{'s' if 3 - len(args) > 1 else ''}")
            wr = wro.ref_new(heap, args[0], args[1], tp)
            wr.key = incref(args[2])
            return wr
        arity("__new__", args, 1, 2)
        return wro.ref_new(heap, args[0], args[1] if len(args) > 1 else None, tp)

    def proxy(sp, self, args, kw):
        arity("proxy", args, 1, 2)
        ob = args[0]
        return wro.new_proxy(heap, ob, args[1] if len(args) > 1 else None,
                             sp.callable(ob))

    def getweakrefcount(sp, self, args, kw):
        arity("getweakrefcount", args, 1)
        return new_int(heap, wro.getweakrefcount(args[0]))

    def getweakrefs(sp, self, args, kw):
        arity("getweakrefs", args, 1)
        return sp.newlist([incref(w) for w in wro.getweakrefs(args[0])])

    def remove_dead_weakref(sp, self, args, kw):
        """``_weakref._remove_dead_weakref(dct, key)``: delete dct[key] if its value is a
        dead weakref (``_PyDict_DelItemIf``); a missing key is not an error."""
        arity("_remove_dead_weakref", args, 2)
        d, key = args
        if d.ob_type is not heap.dict_type:
            raise GuestError("TypeError", f"_remove_dead_weakref() argument 1 must be dict, "
                             f"not {d.ob_type.name}")
        ix = lookup_entry(heap, d, key)
        if ix >= 0:
            v = value_at(d, ix)
            if v is not None:
                if not wro.is_weakref(heap, v):
                    raise GuestError("TypeError", "not a weakref")
                if wro.get_object(heap, v) is heap.none:
                    delitem_common(heap, d, ix)
        return sp.none()

    def keyedref_key(sp, self, args, kw):
        """``wr.key`` of a KeyedRef, for the guest half (see the module docstring)."""
        return incref(args[0].key)

    def print_exception(sp, self, args, kw):
        """``sys.excepthook(*sys.exc_info())`` for an exception of a finalizer at exit."""
        rt = getattr(heap.write_unraisable, "__self__", None)
        if rt is not None:
            rt.flush()
            rt.interp.stderr.write(rt.format_exception(args[0]))
        return sp.none()

    sp.constructors["ReferenceType"] = c_ref
    sp.constructors["KeyedRef"] = c_ref
    for name, fn in (("proxy", proxy), ("getweakrefcount", getweakrefcount),
                     ("getweakrefs", getweakrefs), ("_remove_dead_weakref", remove_dead_weakref),
                     ("_keyedref_key", keyedref_key), ("_print_exception", print_exception)):
        set_attr(sp, mod, name, mdef_fn(sp, mod, name, fn))
    for name, tp in (("ref", heap.weakref_type), ("ReferenceType", heap.weakref_type),
                     ("ProxyType", heap.weakproxy_type),
                     ("CallableProxyType", heap.weakcallableproxy_type),
                     ("KeyedRef", heap.keyedref_type)):
        set_attr(sp, mod, name, incref(tp))
    set_attr(sp, mod, "ProxyTypes", sp.newtuple([incref(heap.weakproxy_type),
                                                 incref(heap.weakcallableproxy_type)]))
    set_attr(sp, mod, "WeakMethod", mdef_fn(sp, mod, "WeakMethod", _unsupported("WeakMethod")))
    set_attr(sp, mod, "_atexit_callbacks", sp.newlist([]))
    if builtins is not None:
        _run_guest_half(sp, mod, builtins)
    return mod


def _run_guest_half(sp, mod, builtins):
    import linecache
    from heapsim.interp.code import ConstantTable
    from heapsim.interp.weakref_guest import SOURCE
    heap = sp.heap
    host_code = _guest_host_code()
    if GUEST_FILENAME not in linecache.cache:
        lines = SOURCE.splitlines(True)
        linecache.cache[GUEST_FILENAME] = (len(SOURCE), None, lines, GUEST_FILENAME)
    set_attr(sp, mod, "__file__", sp.newstr(GUEST_FILENAME))
    set_attr(sp, mod, "__builtins__", incref(builtins))
    code = ConstantTable(heap, arena_refs=False).code(host_code)
    try:
        res = sp.interp.run_module(code, mod.md_dict, builtins.md_dict)
    finally:
        heap.decref(code)
    heap.decref(res)


def run_atexit(rt):
    """The atexit step of interpreter shutdown for the callbacks ``weakref`` registered
    (``finalize._exitfunc``): last registered first; an exception is reported as CPython's
    atexit reports it."""
    from heapsim.objects.unicodeobject import intern_string
    mod = rt.modules.get("weakref")
    if mod is None:
        return
    heap = rt.heap
    key = intern_string(heap, "_atexit_callbacks")
    lst = dict_getitem(heap, mod.md_dict, key)
    heap.decref(key)
    if lst is None or lst.ob_type is not heap.list_type:
        return
    while lst.items:
        cb = lst.items.pop()
        try:
            res = rt.space.call(cb, [], None)
            heap.decref(res)
        except GuestError as err:
            exc = rt.interp.materialize(err)
            rt.flush()
            rt.interp.stderr.write("Exception ignored in atexit callback: "
                                   f"{rt.space.repr_host(cb)}\n")
            rt.interp.stderr.write(rt.format_exception(exc))
            heap.decref(exc)
        except GuestException as ge:
            rt.flush()
            rt.interp.stderr.write("Exception ignored in atexit callback: "
                                   f"{rt.space.repr_host(cb)}\n")
            rt.interp.stderr.write(rt.format_exception(ge.exc))
            heap.decref(ge.exc)
        finally:
            heap.decref(cb)


def _unsupported(name):
    def fn(sp, self, args, kw):
        raise Unsupported(f"weakref.{name}")
    return fn

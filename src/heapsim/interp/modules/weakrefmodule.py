"""The guest ``weakref`` module over the object model's weak references
(``heapsim.objects.weakrefobject``) and the reclaim layer's clearing (``reclaim.weakrefs``).

Native, as in CPython's ``_weakref`` C module: ``ref`` (``ReferenceType``, with callbacks,
shared callback-less refs), ``proxy`` (``ProxyType`` / ``CallableProxyType``),
``getweakrefcount``, ``getweakrefs``, ``KeyedRef`` (88 bytes, CPython's ``__slots__ =
("key",)`` subclass of ref) and ``_remove_dead_weakref``.  Calling a ref or a callable proxy
is the types' ``tp_call`` (``weakref_call``).

Guest Python, as in CPython's Lib/weakref.py and Lib/_weakrefset.py: ``WeakValueDictionary``,
``WeakKeyDictionary``, ``WeakSet``, ``finalize`` (see weakref_source.py for why and how).  Their
source is compiled once per process and run into the module's namespace at start-up
(``modsupport.exec_source``).  At exit the runtime calls ``run_atexit``, which runs
``finalize._exitfunc`` as CPython's atexit does.

Not yet: ``WeakMethod`` (needs subclasses of ``ReferenceType`` in the class machinery: its name
raises ``Unsupported``); ``KeyedRef.key`` and attribute forwarding of proxies (the object
space's attribute lookup of builtin types has no per-type hook yet).
"""

from heapsim.base.errors import GuestError, GuestException, Unsupported
from heapsim.interp.methods.args import incref
from heapsim.interp.methods.clinic import METH_FASTCALL, METH_O, METH_VARARGS, builtin
from heapsim.interp.modules import weakref_source
from heapsim.interp.modules.modsupport import (
    add_functions, exec_source, mdef_fn, new_module, set_attr,
)
from heapsim.objects import weakrefobject as wro
from heapsim.objects.dictobject import delitem_common, dict_getitem, lookup_entry, value_at
from heapsim.objects.longobject import new_int
from heapsim.objects.tupleobject import tuple_new
from heapsim.objects.unicodeobject import intern_string


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


def keyedref_new(sp, tp, ob, callback, key):
    """``KeyedRef(ob, callback, key)`` with the temporary objects CPython's Python-level
    KeyedRef makes on the way (Lib/weakref.py: ``__new__`` calls ``ref.__new__``, ``__init__``
    calls ``super().__init__``): the ``type_call`` argument tuple, the argument tuple of
    ``ref.__new__`` and its slice in ``tp_new_wrapper``, the super object, the method-wrapper
    and its argument tuple.  They come from and go to the tuple free lists and pymalloc as
    CPython's do, so block counts and generation-0 counts agree (after ``gc.collect()`` the
    first KeyedRef leaves three tuples on the free lists)."""
    heap = sp.heap
    cb = callback if callback is not None else heap.none

    def tup(*objs):
        t = tuple_new(heap, len(objs))
        for i, o in enumerate(objs):
            o.ob_refcnt += 1
            t.items[i] = o
        return t

    call_args = tup(ob, cb, key)
    try:
        new_args = tup(tp, ob, cb)
        sliced = tup(ob, cb)
        try:
            wr = wro.ref_new(heap, ob, callback, tp)
        finally:
            heap.decref(sliced)
            heap.decref(new_args)
        wr.key = incref(key)
        super_addr = _transient_alloc(heap, SUPER_SIZE)
        wrapper_addr = _transient_alloc(heap, METHOD_WRAPPER_SIZE)
        _transient_free(heap, super_addr)
        heap.decref(tup(ob, cb))
        _transient_free(heap, wrapper_addr)
    finally:
        heap.decref(call_args)
    return wr


# --- the functions of _weakref (Modules/_weakref.c, Objects/weakrefobject.c) -----------------

@builtin("__new__(ob, callback=None, /)", METH_VARARGS, unpack=True, fname="ref")
def weakref___new__(sp, tp, ob, callback=None):
    """``weakref.ref(ob[, callback])`` (``weakref___new__``: ``PyArg_UnpackTuple`` as
    "__new__"; keywords refused by the type's name)."""
    return wro.ref_new(sp.heap, ob, callback, tp)


def keyedref___new__(sp, tp, args, kw):
    """``KeyedRef(ob, callback, key)``: CPython's is a Python class (Lib/weakref.py), so its
    argument errors are those of a Python function's ``__new__(type, ob, callback, key)``."""
    if kw:
        raise GuestError("TypeError", f"{tp.name} takes no keyword arguments")
    missing = ("ob", "callback", "key")[len(args):]
    if missing:
        names = " and ".join(f"'{n}'" for n in missing) if len(missing) < 3 else \
            "'ob', 'callback', and 'key'"
        raise GuestError("TypeError", f"KeyedRef.__new__() missing {len(missing)} required "
                         f"positional argument{'s' if len(missing) > 1 else ''}: {names}")
    if len(args) > 3:
        raise GuestError("TypeError", f"KeyedRef.__new__() takes 4 positional arguments but "
                         f"{len(args) + 1} were given")
    return keyedref_new(sp, tp, args[0], args[1], args[2])


@builtin("_weakref.proxy(object, callback=None, /)", METH_FASTCALL)
def weakref_proxy(sp, self, ob, callback=None):
    return wro.new_proxy(sp.heap, ob, callback, sp.callable(ob))


@builtin("_weakref.getweakrefcount(object, /)", METH_O)
def weakref_getweakrefcount(sp, self, obj):
    return new_int(sp.heap, wro.getweakrefcount(obj))


@builtin("_weakref.getweakrefs(object, /)", METH_O)
def weakref_getweakrefs(sp, self, obj):
    return sp.newlist([incref(w) for w in wro.getweakrefs(obj)])


@builtin("_weakref._remove_dead_weakref(dct, key, /)", METH_FASTCALL)
def weakref__remove_dead_weakref(sp, self, d, key):
    """``_weakref._remove_dead_weakref(dct, key)``: delete dct[key] if its value is a
    dead weakref (``_PyDict_DelItemIf``); a missing key is not an error."""
    heap = sp.heap
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


@builtin("_weakref._keyedref_key(ref, /)", METH_O)
def weakref__keyedref_key(sp, self, ref):
    """``wr.key`` of a KeyedRef, for the guest half (heapsim's own: see the module
    docstring)."""
    return incref(ref.key)


@builtin("_weakref._print_exception(exc, /, *args)", METH_VARARGS)
def weakref__print_exception(sp, self, args):
    """``sys.excepthook(*sys.exc_info())`` for an exception of a finalizer at exit
    (heapsim's own, for the guest half)."""
    rt = getattr(sp.heap.write_unraisable, "__self__", None)
    if rt is not None:
        rt.flush()
        rt.interp.stderr.write(rt.format_exception(args[0]))
    return sp.none()


WEAKREF_FUNCTIONS = {
    "proxy": weakref_proxy, "getweakrefcount": weakref_getweakrefcount,
    "getweakrefs": weakref_getweakrefs, "_remove_dead_weakref": weakref__remove_dead_weakref,
    "_keyedref_key": weakref__keyedref_key, "_print_exception": weakref__print_exception,
}


# sizeof(superobject) and sizeof(wrapperobject) (the method-wrapper), GC types both.
SUPER_SIZE = 40
METHOD_WRAPPER_SIZE = 32


def _transient_alloc(heap, size):
    """A GC object that lives for a moment and is never tracked: allocated and counted in
    generation 0 (which may start a collection), as ``PyObject_GC_New`` does."""
    pre = 16
    addr = heap.malloc(size + pre) + pre
    heap.gc.link()
    return addr


def _transient_free(heap, addr):
    """``PyObject_GC_Del`` of a ``_transient_alloc`` object."""
    count = heap.gc.count
    if count[0] > 0:
        count[0] -= 1
    heap.free(addr - 16)


def init(sp):
    """The ``weakref`` module: a new reference.  The native functions and types, then the
    guest half (weakref_source.py) run into its namespace."""
    heap = sp.heap
    mod = new_module(sp, "weakref")
    for tp in (heap.weakref_type, heap.keyedref_type, heap.weakcallableproxy_type):
        tp.tp_call = weakref_call
    heap.weakref_type.tp_vectorcall = weakref___new__
    heap.keyedref_type.tp_vectorcall = keyedref___new__
    add_functions(sp, mod, WEAKREF_FUNCTIONS.items())
    for name, tp in (("ref", heap.weakref_type), ("ReferenceType", heap.weakref_type),
                     ("ProxyType", heap.weakproxy_type),
                     ("CallableProxyType", heap.weakcallableproxy_type),
                     ("KeyedRef", heap.keyedref_type)):
        set_attr(sp, mod, name, incref(tp))
    set_attr(sp, mod, "ProxyTypes", sp.newtuple([incref(heap.weakproxy_type),
                                                 incref(heap.weakcallableproxy_type)]))
    set_attr(sp, mod, "WeakMethod", mdef_fn(sp, mod, "WeakMethod", _unsupported("WeakMethod")))
    set_attr(sp, mod, "_atexit_callbacks", sp.newlist([]))
    exec_source(sp, mod, weakref_source.SOURCE, weakref_source.FILENAME)
    return mod


def run_atexit(rt):
    """The atexit step of interpreter shutdown for the callbacks ``weakref`` registered
    (``finalize._exitfunc``): last registered first; an exception is reported as CPython's
    atexit reports it."""
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

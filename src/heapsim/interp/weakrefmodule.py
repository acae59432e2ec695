"""The guest ``weakref`` module over the object model's weak references
(``heapsim.objects.weakrefobject``) and the reclaim layer's clearing (``reclaim.weakrefs``).

Implemented natively: ``ref`` (``ReferenceType``, with callbacks, shared callback-less refs),
``proxy`` (``ProxyType`` / ``CallableProxyType``), ``getweakrefcount``, ``getweakrefs``,
``KeyedRef`` (88 bytes, as CPython's ``__slots__ = ("key",)`` subclass) and ``finalize``
(``__call__``, ``detach``, ``peek``).  Calling a weakref goes through the builtin-call path:
see ``WeakrefObject`` in ``objects/weakrefobject.py``.

Not yet: ``finalize.alive`` and ``finalize.atexit`` (attributes of static types need the
interpreter's generic attribute lookup), the atexit run of pending finalizers at exit (needs a
shutdown hook in the runtime), proxy attribute forwarding, ``WeakValueDictionary``,
``WeakKeyDictionary``, ``WeakSet``, ``WeakMethod``: their names raise ``Unsupported``.
"""

from heapsim.base.errors import GuestError, Unsupported
from heapsim.interp.sysmodule import arity, incref, mdef_fn, new_module, set_attr
from heapsim.objects import weakrefobject as wro
from heapsim.objects.core import TPFLAGS_HAVE_GC, make_static_type
from heapsim.objects.longobject import new_int
from heapsim.objects.methodobject import CFunctionObject


class _CallDef:
    """The ``m_ml`` the builtin-call path reads: ``ml_meth(sp, self, args, kw)``."""

    __slots__ = ("ml_name", "ml_meth", "ml_flags", "ml_doc")

    def __init__(self, name, fn):
        self.ml_name = name
        self.ml_meth = fn
        self.ml_flags = 0
        self.ml_doc = None


def _dead(wr):
    return wr.wr_object.ob_refcnt <= 0


def weakref_call(sp, wr, args, kw):
    """``weakref.__call__`` (a ref: the referent or None) and calls of callable proxies."""
    heap = sp.heap
    tp = wr.ob_type
    if tp is heap.weakproxy_type:
        raise GuestError("TypeError", "'weakref.ProxyType' object is not callable")
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


wro.WeakrefObject.m_ml = _CallDef("__call__", weakref_call)


# --- finalize -------------------------------------------------------------------------------

class FinalizeObject(CFunctionObject):
    """A ``weakref.finalize`` instance (``__slots__ = ()``; its state lives in the class
    registry, here ``FinalizeRegistry``).  Callable through the builtin-call path."""

    __slots__ = ()

    m_ml = None

    @property
    def m_self(self):
        return self


class _Info:
    """``finalize._Info``: what the registry keeps for one live finalizer (strong refs)."""

    __slots__ = ("weakref", "func", "args", "kwargs", "atexit", "index")


class FinalizeRegistry:
    """``finalize._registry``: finalizer -> info, with the references the dict would hold.
    A root provider for the audit."""

    def __init__(self, heap):
        self.heap = heap
        self.entries = {}
        self.counter = 0

    def roots(self):
        out = []
        for f, info in self.entries.items():
            out.append(f)
            out.append(info.weakref)
            out.append(info.func)
            out.append(info.args)
            if info.kwargs is not None:
                out.append(info.kwargs)
        return out

    def pop(self, f):
        """Remove f's entry; returns the info, whose references the caller now owns, and
        releases the registry's reference to f (the caller holds f)."""
        info = self.entries.pop(f, None)
        if info is not None:
            self.heap.decref(f)
        return info

    def release(self, info):
        heap = self.heap
        heap.decref(info.weakref)
        heap.decref(info.func)
        heap.decref(info.args)
        heap.xdecref(info.kwargs)


def finalize_call(sp, f, args, kw):
    """``finalize.__call__(self, _=None)``: if alive, mark dead and call func."""
    reg = sp.heap.weakref_finalize_registry
    info = reg.pop(f)
    if info is None:
        return sp.none()
    try:
        return sp.call(info.func, list(info.args.items), _kwargs_host(sp, info.kwargs))
    finally:
        reg.release(info)


def _kwargs_host(sp, kwargs):
    if kwargs is None:
        return None
    from heapsim.objects.dictobject import dict_items
    return {k.value: v for k, v in dict_items(kwargs)}


def _finalize_dealloc(heap, f):
    heap.gc.untrack(f)
    heap.gc_del(f)


FinalizeObject.m_ml = _CallDef("__call__", finalize_call)


def make_weakref(sp):
    heap = sp.heap
    mod = new_module(sp, "weakref")
    reg = getattr(heap, "weakref_finalize_registry", None)
    if reg is None:
        reg = FinalizeRegistry(heap)
        heap.weakref_finalize_registry = reg
        reclaim = getattr(heap, "reclaim", None)
        if reclaim is not None:
            reclaim.root_providers.append(reg.roots)
    ftype = heap.types.get("finalize")
    if ftype is None:
        ftype = make_static_type("finalize", 16, 0, TPFLAGS_HAVE_GC, base=heap.object_type,
                                 module="weakref", dealloc=_finalize_dealloc)
        heap.register_static_type(ftype)

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

    def c_finalize(sp, tp, args, kw):
        if not args:
            raise GuestError("TypeError", "finalize.__init__() missing 2 required positional "
                             "arguments: 'obj' and 'func'")
        if len(args) < 2:
            raise GuestError("TypeError", "finalize.__init__() missing 1 required positional "
                             "argument: 'func'")
        f = FinalizeObject.__new__(FinalizeObject)
        f.ob_refcnt = 1
        f.ob_type = ftype
        f.addr = heap.gc_alloc(ftype, 16)
        f.gc_gen = wro.UNTRACKED
        f.gc_refs = 0
        f.gc_flags = 0
        heap.gc.track(f)
        info = _Info()
        try:
            info.weakref = wro.ref_new(heap, args[0], f)
        except GuestError:
            heap.decref(f)
            raise
        info.func = incref(args[1])
        info.args = sp.newtuple_borrowed(args[2:])
        info.kwargs = None
        if kw:
            from heapsim.objects.dictobject import dict_new, dict_setitem
            from heapsim.objects.unicodeobject import new_str
            d = dict_new(heap)
            for k, v in kw.items():
                key = new_str(heap, k)
                dict_setitem(heap, d, key, v)
                heap.decref(key)
            info.kwargs = d
        info.atexit = True
        info.index = reg.counter
        reg.counter += 1
        f.ob_refcnt += 1
        reg.entries[f] = info
        return f

    def f_detach(sp, f, args, kw):
        info = reg.pop(f)
        if info is None:
            return sp.none()
        obj = wro.get_object(heap, info.weakref)
        if obj is heap.none:
            reg.release(info)
            return sp.none()
        res = sp.newtuple([incref(obj), incref(info.func), incref(info.args),
                           incref(info.kwargs) if info.kwargs is not None else _empty(sp)])
        reg.release(info)
        return res

    def f_peek(sp, f, args, kw):
        info = reg.entries.get(f)
        if info is None:
            return sp.none()
        obj = wro.get_object(heap, info.weakref)
        if obj is heap.none:
            return sp.none()
        return sp.newtuple([incref(obj), incref(info.func), incref(info.args),
                            incref(info.kwargs) if info.kwargs is not None else _empty(sp)])

    def _empty(sp):
        from heapsim.objects.dictobject import dict_new
        return dict_new(heap)

    sp.constructors["ReferenceType"] = c_ref
    sp.constructors["KeyedRef"] = c_ref
    sp.constructors["finalize"] = c_finalize
    sp.methods["finalize"] = {"detach": f_detach, "peek": f_peek,
                              "__call__": lambda sp, f, a, k: finalize_call(sp, f, a, k)}
    for name, fn in (("proxy", proxy), ("getweakrefcount", getweakrefcount),
                     ("getweakrefs", getweakrefs)):
        set_attr(sp, mod, name, mdef_fn(sp, mod, name, fn))
    for name, tp in (("ref", heap.weakref_type), ("ReferenceType", heap.weakref_type),
                     ("ProxyType", heap.weakproxy_type),
                     ("CallableProxyType", heap.weakcallableproxy_type),
                     ("KeyedRef", heap.keyedref_type), ("finalize", ftype)):
        set_attr(sp, mod, name, incref(tp))
    set_attr(sp, mod, "ProxyTypes", sp.newtuple([incref(heap.weakproxy_type),
                                                 incref(heap.weakcallableproxy_type)]))
    for name in ("WeakValueDictionary", "WeakKeyDictionary", "WeakSet", "WeakMethod"):
        set_attr(sp, mod, name, mdef_fn(sp, mod, name, _unsupported(name)))
    return mod


def _unsupported(name):
    def fn(sp, self, args, kw):
        raise Unsupported(f"weakref.{name}")
    return fn


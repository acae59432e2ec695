"""Guest-side builtins: the ``builtins`` module, the methods of the builtin
types and the constructors called when a builtin type is called.

Every host function here has the signature ``fn(sp, self, args, kw)``: ``sp`` the object
space, ``self`` the bound object (the module for module functions), ``args`` a host list of
borrowed objects, ``kw`` a host dict name -> borrowed object or None; it returns a new
reference.
"""

import functools
import sys as host_sys

from heapsim.base.errors import GuestError, GuestException, Unsupported
from heapsim.interp import iterobjects as itmod
from heapsim.interp.exceptions import new_exception, is_subtype
from heapsim.objects.core import PyObject, TypeObject, getsizeof, make_static_type
from heapsim.objects.dictobject import (
    dict_clear, dict_copy, dict_getitem, dict_items, dict_merge, dict_new, dict_pop,
    dict_popitem, dict_setdefault, dict_setitem,
)
from heapsim.objects.floatobject import new_float
from heapsim.objects.list_slices import list_copy
from heapsim.objects.listobject import (
    list_append, list_ass_slice, list_clear, list_extend, list_extend_from_iterable,
    list_insert, list_new, list_pop, list_reverse,
)
from heapsim.objects.longobject import new_int
from heapsim.objects.methodobject import MethodDef, METH_FASTCALL, METH_KEYWORDS, cfunction_new
from heapsim.objects.moduleobject import module_new_object
from heapsim.objects.rangeobject import range_new
from heapsim.objects.setobject import (
    set_add_key, set_clear_internal, set_copy, set_difference_multi, set_discard,
    set_intersection_multi, set_issubset, set_issuperset, set_new, set_pop, set_union,
    set_update, frozenset_new, DISCARD_NOTFOUND,
)
from heapsim.objects.tupleobject import tuple_from_iterable, tuple_from_list
from heapsim.objects.unicodeobject import intern_string, new_str, sys_intern


def _arity(name, args, lo, hi=None):
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


def _no_kw(name, kw):
    if kw:
        raise GuestError("TypeError", f"{name}() takes no keyword arguments")


def _incref(o):
    o.ob_refcnt += 1
    return o


# --- builtins module functions ---------------------------------------------------------------

def b_print(sp, self, args, kw):
    kw = kw or {}
    heap = sp.heap
    sep = kw.get("sep")
    end = kw.get("end")
    file = kw.get("file")
    sep = " " if sep is None or sep is heap.none else sep.value
    end = "\n" if end is None or end is heap.none else end.value
    out = sp.interp.stdout
    if file is not None and file is not heap.none:
        out = getattr(file, "stream", None)
        if out is None:
            raise Unsupported("print(file=...) to a non-standard stream")
        out = sp.interp.stderr if out == "stderr" else sp.interp.stdout
    parts = []
    for a in args:
        s = sp.str(a)
        parts.append(s.value)
        heap.decref(s)
    out.write(sep.join(parts) + end)
    if kw.get("flush") is not None and sp.truth(kw["flush"]):
        out.flush()
    return sp.none()


def b_len(sp, self, args, kw):
    _arity("len", args, 1)
    return new_int(sp.heap, sp.len(args[0]))


def b_id(sp, self, args, kw):
    _arity("id", args, 1)
    return new_int(sp.heap, args[0].addr)


def b_hash(sp, self, args, kw):
    _arity("hash", args, 1)
    return new_int(sp.heap, sp.hash(args[0]))


def b_repr(sp, self, args, kw):
    _arity("repr", args, 1)
    return sp.repr(args[0])


def b_abs(sp, self, args, kw):
    _arity("abs", args, 1)
    a = args[0]
    if not sp.is_scalar(a) or a.ob_type is sp.heap.str_type:
        raise GuestError("TypeError", f"bad operand type for abs(): '{a.ob_type.name}'")
    return sp.wrap(abs(sp.unwrap(a)))


def _classinfo_match(sp, obj_tp, cls):
    if isinstance(cls, TypeObject):
        t = obj_tp
        while t is not None:
            if t is cls:
                return True
            t = t.base
        return False
    if cls.ob_type is sp.heap.tuple_type:
        return any(_classinfo_match(sp, obj_tp, c) for c in cls.items)
    raise GuestError("TypeError", "isinstance() arg 2 must be a type, a tuple of types, or a "
                     "union")


def b_isinstance(sp, self, args, kw):
    _arity("isinstance", args, 2)
    return sp.newbool(_classinfo_match(sp, args[0].ob_type, args[1]))


def b_issubclass(sp, self, args, kw):
    _arity("issubclass", args, 2)
    if not isinstance(args[0], TypeObject):
        raise GuestError("TypeError", "issubclass() arg 1 must be a class")
    return sp.newbool(_classinfo_match(sp, args[0], args[1]))


def b_callable(sp, self, args, kw):
    _arity("callable", args, 1)
    return sp.newbool(sp.callable(args[0]))


def b_iter(sp, self, args, kw):
    _arity("iter", args, 1)
    return sp.iter(args[0])


def b_next(sp, self, args, kw):
    _arity("next", args, 1, 2)
    it = args[0]
    heap = sp.heap
    if it.ob_type is getattr(heap, "generator_type", None):
        more, r = sp.interp.gen_send(it, heap.none)
        if more:
            return r
        if len(args) == 2:
            heap.xdecref(r)
            return _incref(args[1])
        if r is None or r is heap.none:
            heap.xdecref(r)
            raise GuestError("StopIteration", None)
        err = GuestError("StopIteration")
        err.key = r
        err.owned = True      # materialize releases this reference
        raise err
    x = sp.next(it)
    if x is None:
        if len(args) == 2:
            return _incref(args[1])
        raise GuestError("StopIteration", None)
    return x


def b_any(sp, self, args, kw):
    _arity("any", args, 1)
    heap = sp.heap
    for x in sp.iterate(args[0]):
        t = sp.truth(x)
        heap.decref(x)
        if t:
            return sp.newbool(True)
    return sp.newbool(False)


def b_all(sp, self, args, kw):
    _arity("all", args, 1)
    heap = sp.heap
    for x in sp.iterate(args[0]):
        t = sp.truth(x)
        heap.decref(x)
        if not t:
            return sp.newbool(False)
    return sp.newbool(True)


def _minmax(sp, args, kw, op, name):
    heap = sp.heap
    kw = kw or {}
    key = kw.get("key")
    if key is heap.none:
        key = None
    default = kw.get("default")
    if not args:
        raise GuestError("TypeError", f"{name} expected at least 1 argument, got 0")
    if len(args) == 1:
        items = sp.collect(args[0])
        if not items:
            if default is not None:
                return _incref(default)
            raise GuestError("ValueError", f"{name}() arg is an empty sequence")
    else:
        items = [_incref(a) for a in args]
    best = None
    bestkey = None
    try:
        for x in items:
            k = sp.call(key, [x], None) if key is not None else _incref(x)
            if best is None or sp.compare_host(op, k, bestkey):
                heap.xdecref(bestkey)
                best, bestkey = x, k
            else:
                heap.decref(k)
        best.ob_refcnt += 1
        return best
    finally:
        heap.xdecref(bestkey)
        for x in items:
            heap.decref(x)


def b_min(sp, self, args, kw):
    return _minmax(sp, args, kw, "<", "min")


def b_max(sp, self, args, kw):
    return _minmax(sp, args, kw, ">", "max")


def b_sum(sp, self, args, kw):
    heap = sp.heap
    _arity("sum", args, 1, 2)
    start = args[1] if len(args) == 2 else (kw or {}).get("start")
    if start is not None and start.ob_type is heap.str_type:
        raise GuestError("TypeError", "sum() can't sum strings [use ''.join(seq) instead]")
    result = _incref(start) if start is not None else new_int(heap, 0)
    acc = None
    for x in sp.iterate(args[0]):
        if (result is None or result.ob_type in (heap.int_type, heap.bool_type)) and x.ob_type in (
                heap.int_type, heap.bool_type):
            # sum's C-long fast path: no intermediate int objects
            if acc is None:
                acc = result.value
                heap.decref(result)
                result = None
            acc += x.value
            heap.decref(x)
            continue
        if acc is not None:
            result = new_int(heap, acc)
            acc = None
        try:
            new = sp.binary_op("+", result, x)
        finally:
            heap.decref(x)
        heap.decref(result)
        result = new
    if acc is not None:
        result = new_int(heap, acc)
    return result


def b_sorted(sp, self, args, kw):
    _arity("sorted", args, 1)
    heap = sp.heap
    lst = list_new(heap, 0)
    try:
        _extend(sp, lst, args[0])
        _sort(sp, lst, kw)
    except BaseException:
        heap.decref(lst)
        raise
    return lst


def b_chr(sp, self, args, kw):
    _arity("chr", args, 1)
    try:
        return new_str(sp.heap, chr(sp.unwrap(args[0])))
    except (ValueError, TypeError, OverflowError) as e:
        raise GuestError(type(e).__name__, str(e)) from None


def b_ord(sp, self, args, kw):
    _arity("ord", args, 1)
    try:
        return new_int(sp.heap, ord(sp.unwrap(args[0])))
    except TypeError as e:
        raise GuestError("TypeError", str(e)) from None


def _host_call(name, fn):
    def call(sp, self, args, kw):
        try:
            hv = [sp.unwrap(a) for a in args]
            hk = {k: sp.unwrap(v) for k, v in (kw or {}).items()}
        except Unsupported:
            raise GuestError("TypeError", f"unsupported operand for {name}()") from None
        try:
            return sp.wrap(fn(*hv, **hk))
        except (ValueError, TypeError, OverflowError, ZeroDivisionError) as e:
            raise GuestError(type(e).__name__, str(e)) from None
    return call


def b_getattr(sp, self, args, kw):
    _arity("getattr", args, 2, 3)
    try:
        return sp.getattr(args[0], args[1].value)
    except GuestError as e:
        if e.kind == "AttributeError" and len(args) == 3:
            return _incref(args[2])
        raise


def b_hasattr(sp, self, args, kw):
    _arity("hasattr", args, 2)
    try:
        r = sp.getattr(args[0], args[1].value)
    except GuestError as e:
        if e.kind == "AttributeError":
            return sp.newbool(False)
        raise
    sp.heap.decref(r)
    return sp.newbool(True)


def b_setattr(sp, self, args, kw):
    _arity("setattr", args, 3)
    sp.setattr(args[0], args[1].value, args[2])
    return sp.none()


def b_globals(sp, self, args, kw):
    return _incref(sp.interp.frame.globals)


def b_reversed(sp, self, args, kw):
    _arity("reversed", args, 1)
    heap = sp.heap
    seq = args[0]
    if seq.ob_type is heap.list_type:
        seq.ob_refcnt += 1
        return itmod.new_iter(heap, sp.iter_types["list_reverseiterator"], seq,
                              len(seq.items) - 1)
    items = sp.collect(seq)
    items.reverse()
    t = sp.newlist(items)
    it = sp.iter(t)
    heap.decref(t)
    return it


BUILTIN_FUNCTIONS = {
    "print": b_print, "len": b_len, "id": b_id, "hash": b_hash, "repr": b_repr, "abs": b_abs,
    "isinstance": b_isinstance, "issubclass": b_issubclass, "callable": b_callable,
    "iter": b_iter, "next": b_next, "any": b_any, "all": b_all, "min": b_min, "max": b_max,
    "sum": b_sum, "sorted": b_sorted, "chr": b_chr, "ord": b_ord,
    "round": _host_call("round", round), "divmod": _host_call("divmod", divmod),
    "pow": _host_call("pow", pow), "bin": _host_call("bin", bin), "hex": _host_call("hex", hex),
    "oct": _host_call("oct", oct), "getattr": b_getattr, "hasattr": b_hasattr,
    "setattr": b_setattr, "globals": b_globals, "reversed": b_reversed,
}


# --- constructors ------------------------------------------------------------------------------

def _extend(sp, lst, iterable):
    heap = sp.heap
    tp = iterable.ob_type
    if tp is heap.list_type or tp is heap.tuple_type:
        list_extend(heap, lst, iterable)
        return
    it = sp.iter(iterable)
    try:
        hint = sp.len_or_none(iterable)
        list_extend_from_iterable(heap, lst, sp.interp._host_iter(it), 8 if hint is None
                                  else hint)
    finally:
        heap.decref(it)


def c_int(sp, tp, args, kw):
    heap = sp.heap
    _arity("int", args, 0, 2)
    if not args:
        return new_int(heap, 0)
    x = args[0]
    if x.ob_type is heap.int_type and len(args) == 1:
        return _incref(x)
    try:
        if len(args) == 2:
            return new_int(heap, int(sp.unwrap(x), sp.unwrap(args[1])))
        if x.ob_type is heap.str_type or x.ob_type is heap.float_type or \
                x.ob_type is heap.bool_type:
            return new_int(heap, int(x.value))
    except (ValueError, TypeError, OverflowError) as e:
        raise GuestError(type(e).__name__, str(e)) from None
    raise GuestError("TypeError", "int() argument must be a string, a bytes-like object or a "
                     f"real number, not '{x.ob_type.name}'")


def c_float(sp, tp, args, kw):
    heap = sp.heap
    _arity("float", args, 0, 1)
    if not args:
        return new_float(heap, 0.0)
    x = args[0]
    if x.ob_type is heap.float_type:
        return _incref(x)
    if x.ob_type in (heap.int_type, heap.bool_type, heap.str_type):
        try:
            return new_float(heap, float(x.value))
        except (ValueError, OverflowError) as e:
            raise GuestError(type(e).__name__, str(e)) from None
    raise GuestError("TypeError", "float() argument must be a string or a real number, not "
                     f"'{x.ob_type.name}'")


def c_str(sp, tp, args, kw):
    _arity("str", args, 0, 1)
    if not args:
        return new_str(sp.heap, "")
    return sp.str(args[0])


def c_bool(sp, tp, args, kw):
    _arity("bool", args, 0, 1)
    return sp.newbool(bool(args) and sp.truth(args[0]))


def c_list(sp, tp, args, kw):
    _arity("list", args, 0, 1)
    lst = list_new(sp.heap, 0)
    if args:
        try:
            _extend(sp, lst, args[0])
        except BaseException:
            sp.heap.decref(lst)
            raise
    return lst


def c_tuple(sp, tp, args, kw):
    heap = sp.heap
    _arity("tuple", args, 0, 1)
    if not args:
        return _incref(heap.empty_tuple)
    x = args[0]
    if x.ob_type is heap.tuple_type:
        return _incref(x)
    if x.ob_type is heap.list_type:
        return tuple_from_list(heap, x)
    it = sp.iter(x)
    try:
        hint = sp.len_or_none(x)
        return tuple_from_iterable(heap, sp.interp._host_iter(it), 10 if hint is None else hint)
    finally:
        heap.decref(it)


def _dict_update(sp, d, args, kw):
    heap = sp.heap
    if args:
        src = args[0]
        if src.ob_type is heap.dict_type:
            dict_merge(heap, d, src)
        else:
            for item in sp.iterate(src):
                try:
                    pair = sp.collect(item)
                    if len(pair) != 2:
                        for p in pair:
                            heap.decref(p)
                        raise GuestError("ValueError", "dictionary update sequence element "
                                         f"#0 has length {len(pair)}; 2 is required")
                    dict_setitem(heap, d, pair[0], pair[1])
                    heap.decref(pair[0])
                    heap.decref(pair[1])
                finally:
                    heap.decref(item)
    if kw:
        for k, v in kw.items():
            key = new_str(heap, k)
            dict_setitem(heap, d, key, v)
            heap.decref(key)


def c_dict(sp, tp, args, kw):
    _arity("dict", args, 0, 1)
    d = dict_new(sp.heap)
    try:
        _dict_update(sp, d, args, kw)
    except BaseException:
        sp.heap.decref(d)
        raise
    return d


def c_set(sp, tp, args, kw):
    _arity("set", args, 0, 1)
    heap = sp.heap
    if tp is heap.frozenset_type:
        return frozenset_new(heap, args[0] if args else None)
    return set_new(heap, args[0] if args else None)


def c_range(sp, tp, args, kw):
    _arity("range", args, 1, 3)
    return range_new(sp.heap, *args)


def c_type(sp, tp, args, kw):
    if len(args) == 1:
        return _incref(args[0].ob_type)
    raise Unsupported("type() with three arguments (class creation)")


def c_slice(sp, tp, args, kw):
    _arity("slice", args, 1, 3)
    if len(args) == 1:
        return sp.build_slice(sp.heap.none, args[0], None)
    return sp.build_slice(args[0], args[1], args[2] if len(args) == 3 else None)


def c_enumerate(sp, tp, args, kw):
    heap = sp.heap
    start = (kw or {}).get("start")
    if len(args) == 2:
        start = args[1]
    _arity("enumerate", args[:1], 1)
    it = sp.iter(args[0])
    return itmod.new_iter(heap, tp, it, start.value if start is not None else 0)


def c_zip(sp, tp, args, kw):
    heap = sp.heap
    its = []
    try:
        for a in args:
            its.append(sp.iter(a))
    except BaseException:
        for i in its:
            heap.decref(i)
        raise
    return itmod.new_iter(heap, tp, tuple(its))


def c_map(sp, tp, args, kw):
    heap = sp.heap
    if len(args) < 2:
        raise GuestError("TypeError", "map() must have at least two arguments.")
    its = tuple(sp.iter(a) for a in args[1:])
    return itmod.new_iter(heap, tp, its, 0, _incref(args[0]))


def c_filter(sp, tp, args, kw):
    _arity("filter", args, 2)
    heap = sp.heap
    it = sp.iter(args[1])
    return itmod.new_iter(heap, tp, it, 0, _incref(args[0]))


def c_object(sp, tp, args, kw):
    heap = sp.heap
    o = PyObject.__new__(PyObject)
    o.ob_refcnt = 1
    o.ob_type = heap.object_type
    o.addr = heap.alloc(heap.object_type, 16)
    return o


def c_exception(sp, tp, args, kw):
    heap = sp.heap
    if kw:
        raise GuestError("TypeError", f"{tp.name}() takes no keyword arguments")
    t = sp.newtuple_borrowed(args)
    e = new_exception(heap, tp, t)
    heap.decref(t)
    return e


CONSTRUCTORS = {
    "int": c_int, "float": c_float, "str": c_str, "bool": c_bool, "list": c_list,
    "tuple": c_tuple, "dict": c_dict, "set": c_set, "frozenset": c_set, "range": c_range,
    "type": c_type, "slice": c_slice, "enumerate": c_enumerate, "zip": c_zip, "map": c_map,
    "filter": c_filter, "object": c_object, "BaseException": c_exception,
}


# --- methods of builtin types ------------------------------------------------------------------

def _sort(sp, lst, kw):
    heap = sp.heap
    kw = kw or {}
    key = kw.get("key")
    if key is heap.none:
        key = None
    reverse = kw.get("reverse")
    reverse = reverse is not None and sp.truth(reverse)
    items = list(lst.items)
    keys = [sp.call(key, [x], None) for x in items] if key is not None else items

    def cmp(i, j):
        return -1 if sp.lt(keys[i], keys[j]) else 0

    order = list(range(len(items)))
    if reverse:
        order.reverse()
    order.sort(key=functools.cmp_to_key(cmp))
    if reverse:
        order.reverse()
    lst.items[:] = [items[i] for i in order]
    if key is not None:
        for k in keys:
            heap.decref(k)


def l_append(sp, lst, args, kw):
    _arity("list.append", args, 1)
    list_append(sp.heap, lst, args[0])
    return sp.none()


def l_pop(sp, lst, args, kw):
    return list_pop(sp.heap, lst, args[0].value if args else -1)


def l_insert(sp, lst, args, kw):
    _arity("insert", args, 2)
    list_insert(sp.heap, lst, args[0].value, args[1])
    return sp.none()


def l_extend(sp, lst, args, kw):
    _arity("list.extend", args, 1)
    _extend(sp, lst, args[0])
    return sp.none()


def _find(sp, lst, x):
    for i, y in enumerate(list(lst.items)):
        if sp.eq(y, x):
            return i
    return -1


def l_remove(sp, lst, args, kw):
    _arity("list.remove", args, 1)
    i = _find(sp, lst, args[0])
    if i < 0:
        raise GuestError("ValueError", "list.remove(x): x not in list")
    list_ass_slice(sp.heap, lst, i, i + 1, None)
    return sp.none()


def l_index(sp, lst, args, kw):
    i = _find(sp, lst, args[0])
    if i < 0:
        raise GuestError("ValueError", f"{sp.repr_host(args[0])} is not in list")
    return new_int(sp.heap, i)


def l_count(sp, lst, args, kw):
    return new_int(sp.heap, sum(1 for y in list(lst.items) if sp.eq(y, args[0])))


def l_clear(sp, lst, args, kw):
    list_clear(sp.heap, lst)
    return sp.none()


def l_copy(sp, lst, args, kw):
    return list_copy(sp.heap, lst)


def l_reverse(sp, lst, args, kw):
    list_reverse(sp.heap, lst)
    return sp.none()


def l_sort(sp, lst, args, kw):
    if args:
        raise GuestError("TypeError", "sort() takes no positional arguments")
    _sort(sp, lst, kw)
    return sp.none()


def t_index(sp, t, args, kw):
    i = _find(sp, t, args[0])
    if i < 0:
        raise GuestError("ValueError", "tuple.index(x): x not in tuple")
    return new_int(sp.heap, i)


def d_get(sp, d, args, kw):
    _arity("get", args, 1, 2)
    v = dict_getitem(sp.heap, d, args[0])
    if v is None:
        v = args[1] if len(args) == 2 else sp.heap.none
    return _incref(v)


def d_view(name):
    def view(sp, d, args, kw):
        _arity(f"dict.{name[5:]}", args, 0)
        return itmod.new_view(sp.heap, sp.iter_types[name], d)
    return view


def d_pop(sp, d, args, kw):
    _arity("pop", args, 1, 2)
    return dict_pop(sp.heap, d, args[0], args[1] if len(args) == 2 else None)


def d_setdefault(sp, d, args, kw):
    _arity("setdefault", args, 1, 2)
    return _incref(dict_setdefault(sp.heap, d, args[0],
                                   args[1] if len(args) == 2 else sp.heap.none))


def d_update(sp, d, args, kw):
    _dict_update(sp, d, args, kw)
    return sp.none()


def d_copy(sp, d, args, kw):
    return dict_copy(sp.heap, d)


def d_clear(sp, d, args, kw):
    dict_clear(sp.heap, d)
    return sp.none()


def d_popitem(sp, d, args, kw):
    k, v = dict_popitem(sp.heap, d)
    return sp.newtuple([k, v])


def s_add(sp, s, args, kw):
    _arity("set.add", args, 1)
    set_add_key(sp.heap, s, args[0])
    return sp.none()


def s_discard(sp, s, args, kw):
    set_discard(sp.heap, s, args[0])
    return sp.none()


def s_remove(sp, s, args, kw):
    if set_discard(sp.heap, s, args[0]) == DISCARD_NOTFOUND:
        err = GuestError("KeyError")
        err.key = args[0]
        raise err
    return sp.none()


def s_pop(sp, s, args, kw):
    return set_pop(sp.heap, s)


def s_clear(sp, s, args, kw):
    set_clear_internal(sp.heap, s)
    return sp.none()


def s_copy(sp, s, args, kw):
    return set_copy(sp.heap, s)


def s_update(sp, s, args, kw):
    set_update(sp.heap, s, list(args))
    return sp.none()


def s_union(sp, s, args, kw):
    return set_union(sp.heap, s, list(args))


def s_intersection(sp, s, args, kw):
    return set_intersection_multi(sp.heap, s, list(args))


def s_difference(sp, s, args, kw):
    return set_difference_multi(sp.heap, s, list(args))


def s_issubset(sp, s, args, kw):
    return sp.newbool(set_issubset(sp.heap, s, args[0]))


def s_issuperset(sp, s, args, kw):
    return sp.newbool(set_issuperset(sp.heap, s, args[0]))


def str_join(sp, s, args, kw):
    _arity("str.join", args, 1)
    heap = sp.heap
    items = sp.collect(args[0])
    try:
        for i, x in enumerate(items):
            if x.ob_type is not heap.str_type:
                raise GuestError("TypeError", f"sequence item {i}: expected str instance, "
                                 f"{x.ob_type.name} found")
        if len(items) == 1:
            return _incref(items[0])
        return new_str(heap, s.value.join(x.value for x in items))
    finally:
        for x in items:
            heap.decref(x)


def str_format(sp, s, args, kw):
    from heapsim.interp.space import _Reprable
    hv = [sp._fmt_arg(a) for a in args]
    hk = {k: sp._fmt_arg(v) for k, v in (kw or {}).items()}
    try:
        return new_str(sp.heap, s.value.format(*hv, **hk))
    except (ValueError, TypeError, IndexError, KeyError) as e:
        name = type(e).__name__
        raise GuestError(name, str(e) if name != "KeyError" else repr(e.args[0])) from None


_UNCHANGED_SELF = {"strip", "lstrip", "rstrip", "replace", "ljust", "rjust", "center",
                   "zfill", "expandtabs", "removeprefix", "removesuffix"}


def _str_host_method(name):
    def method(sp, s, args, kw):
        heap = sp.heap
        try:
            hv = [sp.unwrap(a) for a in args]
            hk = {k: sp.unwrap(v) for k, v in (kw or {}).items()}
        except Unsupported:
            raise GuestError("TypeError", f"unsupported argument to str.{name}()") from None
        try:
            r = getattr(s.value, name)(*hv, **hk)
        except (ValueError, TypeError, IndexError) as e:
            raise GuestError(type(e).__name__, str(e)) from None
        if name in _UNCHANGED_SELF and r == s.value:
            return _incref(s)
        return sp.wrap(r)
    return method


STR_HOST_METHODS = (
    "split", "rsplit", "upper", "lower", "strip", "lstrip", "rstrip", "replace", "startswith",
    "endswith", "find", "rfind", "index", "rindex", "count", "isdigit", "isalpha", "isalnum",
    "isspace", "isupper", "islower", "isidentifier", "isdecimal", "isnumeric", "title",
    "capitalize", "swapcase", "casefold", "center", "ljust", "rjust", "zfill", "splitlines",
    "partition", "rpartition", "expandtabs", "removeprefix", "removesuffix", "istitle",
)


def _host_value_method(name):
    def method(sp, obj, args, kw):
        try:
            return sp.wrap(getattr(sp.unwrap(obj), name)(*[sp.unwrap(a) for a in args]))
        except (ValueError, TypeError, OverflowError) as e:
            raise GuestError(type(e).__name__, str(e)) from None
    return method


def install_methods(sp):
    m = sp.methods
    m["list"] = {"append": l_append, "pop": l_pop, "insert": l_insert, "extend": l_extend,
                 "remove": l_remove, "index": l_index, "count": l_count, "clear": l_clear,
                 "copy": l_copy, "reverse": l_reverse, "sort": l_sort}
    m["tuple"] = {"index": t_index, "count": l_count}
    m["dict"] = {"get": d_get, "keys": d_view("dict_keys"), "values": d_view("dict_values"),
                 "items": d_view("dict_items"), "pop": d_pop, "setdefault": d_setdefault,
                 "update": d_update, "copy": d_copy, "clear": d_clear, "popitem": d_popitem}
    m["set"] = {"add": s_add, "discard": s_discard, "remove": s_remove, "pop": s_pop,
                "clear": s_clear, "copy": s_copy, "update": s_update, "union": s_union,
                "intersection": s_intersection, "difference": s_difference,
                "issubset": s_issubset, "issuperset": s_issuperset}
    m["frozenset"] = {"union": s_union, "intersection": s_intersection,
                      "difference": s_difference, "issubset": s_issubset,
                      "issuperset": s_issuperset}
    strm = {name: _str_host_method(name) for name in STR_HOST_METHODS}
    strm["join"] = str_join
    strm["format"] = str_format
    m["str"] = strm
    m["int"] = {"bit_length": _host_value_method("bit_length")}
    m["float"] = {"is_integer": _host_value_method("is_integer")}
    sp.constructors.update(CONSTRUCTORS)


# --- modules ---------------------------------------------------------------------------------

def _mdef_fn(sp, module, name, fn):
    ml = MethodDef(sp.heap, name, fn, METH_FASTCALL | METH_KEYWORDS)
    return cfunction_new(sp.heap, ml, self=module)


def _set(sp, module, name, value):
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


def make_builtins(sp):
    heap = sp.heap
    mod = new_module(sp, "builtins")
    for name, fn in BUILTIN_FUNCTIONS.items():
        _set(sp, mod, name, _mdef_fn(sp, mod, name, fn))
    for name in ("int", "float", "str", "bool", "list", "tuple", "dict", "set", "frozenset",
                 "range", "type", "slice", "enumerate", "zip", "map", "filter", "object",
                 "reversed_"):
        tp = heap.types.get(name) or sp.iter_types.get(name)
        if tp is not None:
            _set(sp, mod, name, _incref(tp))
    for name, tp in sp.exc_types.items():
        _set(sp, mod, name, _incref(tp))
    _set(sp, mod, "None", sp.none())
    _set(sp, mod, "Ellipsis", _incref(heap.ellipsis))
    _set(sp, mod, "NotImplemented", _incref(heap.not_implemented))
    sp.register_builtins(mod)      # the object protocol's builtins (descriptors.py)
    return mod


# The ``sys`` and ``gc`` modules live in sysmodule.py and gcmodule.py; these names stay
# importable from here for the composition root.
from heapsim.interp.sysmodule import (  # noqa: E402,F401
    STARTUP_BLOCKS, StreamObject, make_sys, stream_flush, stream_write,
)
from heapsim.interp.gcmodule import make_gc  # noqa: E402,F401

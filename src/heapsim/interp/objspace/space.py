"""The object space: the one API through which opcode handlers touch simulated objects.

Conventions: arguments are borrowed; results are new references; host values are only
payloads.  Operations on builtin scalars (int, bool, float, complex, str, None) compute on the
host payloads and build the result with the object model's constructors, so results, errors
and messages are CPython 3.11's (the host is 3.11): a host ``ZeroDivisionError`` or
``TypeError`` raised by the payload operation becomes a ``GuestError`` with the same message.
"""

import operator

from heapsim.base.errors import GuestError, Unsupported
from heapsim.interp.types import iterobject as itmod
from heapsim.interp.types import moduleobject
from heapsim.interp.types.descrobject import super_repr
from heapsim.interp.types.typeobject import MethodDescr, ext_builtin_base, heap_lookup, type_call
from heapsim.objects.core import TypeObject, make_static_type, getsizeof, TPFLAGS_HEAPTYPE
from heapsim.objects.longobject import long_to_decimal, new_int
from heapsim.objects.sizecheck import check_host_binop
from heapsim.objects.boolobject import new_bool
from heapsim.objects.floatobject import new_float
from heapsim.objects.complexobject import new_complex
from heapsim.objects.unicodeobject import new_str, str_concat, str_char, intern_string
from heapsim.objects.tupleobject import tuple_new, tuple_concat, tuple_repeat, tuple_subscript_slice
from heapsim.objects.listobject import (
    list_new, list_inplace_concat, list_ass_item, list_del_item,
)
from heapsim.objects.list_slices import (
    list_concat, list_repeat, list_inplace_repeat, list_subscript_slice,
    list_ass_subscript_slice,
)
from heapsim.objects.dictobject import (
    dict_getitem, dict_setitem, dict_delitem, dict_items, dict_contains, _key_error, dict_copy,
    dict_merge,
)
from heapsim.objects.setobject import (
    set_contains, set_iter, set_or, set_and, set_sub, set_xor, set_ior,
    set_iand, set_isub, set_ixor, set_richcompare, set_keys,
)
from heapsim.objects.rangeobject import range_iter
from heapsim.objects.sliceobject import slice_new, slice_indices
from heapsim.objects.methodobject import (
    CFunctionObject, MethodDef, MethodObject, cfunction_new, METH_FASTCALL, METH_KEYWORDS,
)
from heapsim.objects.funcobject import FunctionObject
from heapsim.objects.moduleobject import ModuleObject
from heapsim.interp.objspace.protocol import ProtoSpace

HEAP = TPFLAGS_HEAPTYPE

_BINOPS = {
    "+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv,
    "//": operator.floordiv, "%": operator.mod, "**": operator.pow, "<<": operator.lshift,
    ">>": operator.rshift, "&": operator.and_, "|": operator.or_, "^": operator.xor,
    "@": operator.matmul,
}
_CMPOPS = {"<": operator.lt, "<=": operator.le, "==": operator.eq, "!=": operator.ne,
           ">": operator.gt, ">=": operator.ge}
_SIZED = frozenset(("*", "<<", "**"))   # results whose size is checked before the host
_SWAP = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="}


_VIEW_ITER = {"dict_keys": "dict_keyiterator", "dict_values": "dict_valueiterator",
              "dict_items": "dict_itemiterator"}     # names of iter_types entries


class ObjectSpace(ProtoSpace):
    def __init__(self, heap):
        self.heap = heap
        self.interp = None
        self.iter_types = it = itmod.init_iter_types(heap)
        self.view_iter = {it[v]: it[i] for v, i in _VIEW_ITER.items()}   # view type -> its
        self.dict_keys_type = it["dict_keys"]                           # iterator's type
        moduleobject.install(heap)
        itmod.install_iternext(heap)
        tp = make_static_type("method_descriptor", 40, 0, 0, base=heap.object_type)
        heap.register_static_type(tp)
        self.method_descr_type = tp
        self.descrs = {}           # (type, name) -> MethodDescr
        self.exc_types = {}        # name -> exception type (filled by the interpreter)
        self.importer = None       # the guest importer (vm/importer.py sets itself here)
        # str % values and format() of the builtin scalars: fn(sp, ...) that the methods
        # layer installs at start-up (methods/attrs.py install, from methods/format.py)
        self.str_mod = None
        self.format_object = None
        self.proxy_types = ()      # weak proxy types: operations forward to the referent
        self.proxy_referent = None  # fn(proxy) -> referent (borrowed) or ReferenceError
        self.repr_active = set()
        h = heap
        self.scalar_types = {h.int_type, h.bool_type, h.float_type, h.str_type,
                             h.complex_type, h.none_type}
        self.init_proto()

    # --- small constructors ---------------------------------------------------------

    def none(self):
        n = self.heap.none
        n.ob_refcnt += 1
        return n

    def newbool(self, flag):
        return new_bool(self.heap, flag)

    def newint(self, v):
        return new_int(self.heap, v)

    def newstr(self, v):
        return new_str(self.heap, v)

    def newtuple(self, refs):
        """A tuple stealing the new references in host list refs."""
        t = tuple_new(self.heap, len(refs))
        if refs:
            t.items[:] = refs
        return t

    def newtuple_borrowed(self, objs):
        for o in objs:
            o.ob_refcnt += 1
        return self.newtuple(list(objs))

    def newlist(self, refs):
        lst = list_new(self.heap, len(refs))
        if refs:
            lst.items[:] = refs
        return lst

    def wrap(self, v):
        """A new reference to a simulated object for host scalar/tuple/list v."""
        h = self.heap
        if v is None:
            return self.none()
        if v is True or v is False:
            return new_bool(h, v)
        t = type(v)
        if t is int:
            return new_int(h, v)
        if t is float:
            return new_float(h, v)
        if t is str:
            return new_str(h, v)
        if t is complex:
            return new_complex(h, v)
        if t is tuple:
            return self.newtuple([self.wrap(x) for x in v])
        if t is list:
            return self.newlist([self.wrap(x) for x in v])
        raise Unsupported(f"host value of type {t.__name__}")

    def unwrap(self, obj):
        """The host value of a builtin scalar (or tuple of them)."""
        tp = obj.ob_type
        h = self.heap
        if tp is h.int_type:
            return obj.value
        if tp is h.bool_type:
            return obj is h.true
        if tp is h.str_type or tp is h.float_type or tp is h.complex_type:
            return obj.value
        if obj is h.none:
            return None
        if tp is h.tuple_type:
            return tuple(self.unwrap(x) for x in obj.items)
        if tp.flags & HEAP:
            bb = ext_builtin_base(tp)
            if bb is h.int_type or bb is h.float_type or bb is h.complex_type or \
                    bb is h.str_type:
                return obj.value
            v = self.number_complex(obj)
            if v is not None:
                return v.real if v.imag == 0 and \
                    T_lookup_any(self, tp, ("__float__", "__index__")) and \
                    not T_lookup_any(self, tp, ("__complex__",)) else v
        raise Unsupported(f"payload of {tp.name}")

    def is_scalar(self, obj):
        return obj.ob_type in self.scalar_types

    def typename(self, obj):
        return obj.ob_type.name

    def isinstance_tp(self, obj, tp):
        t = obj.ob_type
        while t is not None:
            if t is tp:
                return True
            t = t.base
        return False

    def new_exc(self, name, msg=None):
        return GuestError(name, msg)

    # --- truth, hashing, length -------------------------------------------------------

    def _builtin_truth(self, obj):
        h = self.heap
        if obj is h.true:
            return True
        if obj is h.false or obj is h.none:
            return False
        tp = obj.ob_type
        if tp is h.int_type or tp is h.float_type or tp is h.complex_type:
            return bool(obj.value)
        if tp is h.str_type:
            return len(obj.value) > 0
        if tp in self.proxy_types:
            return self.truth(self.proxy_referent(obj))
        n = self.len_or_none(obj)
        if n is not None:
            return n > 0
        return True

    def _builtin_len_or_none(self, obj):
        h = self.heap
        tp = obj.ob_type
        if tp is h.list_type or tp is h.tuple_type:
            return len(obj.items)
        if tp is h.str_type or tp is h.bytes_type:
            return len(obj.value)
        if tp is h.dict_type:
            return obj.ma_used
        if tp is h.set_type or tp is h.frozenset_type:
            return obj.used
        if tp is h.range_type:
            return obj.length.value
        if tp in self.view_iter:
            return obj.dict.ma_used
        if tp in self.proxy_types:
            return self.len_or_none(self.proxy_referent(obj))
        return None

    def len(self, obj):
        n = self.len_or_none(obj)
        if n is None:
            raise GuestError("TypeError", f"object of type '{obj.ob_type.name}' has no len()")
        return n

    def hash(self, obj):
        return obj.ob_type.tp_hash(self.heap, obj)

    # --- comparison -------------------------------------------------------------------

    def eq(self, a, b):
        """``PyObject_RichCompareBool(a, b, Py_EQ)``: identity first, then value."""
        if a is b:
            return True
        return self._eq(a, b)

    def _builtin_eq(self, a, b):
        h = self.heap
        ta, tb = a.ob_type, b.ob_type
        if ta in self.scalar_types and tb in self.scalar_types:
            return self.unwrap(a) == self.unwrap(b)
        if ta is tb and (ta is h.list_type or ta is h.tuple_type):
            ia, ib = a.items, b.items
            if len(ia) != len(ib):
                return False
            for x, y in zip(list(ia), list(ib)):
                if not self.eq(x, y):
                    return False
            return True
        if ta is h.dict_type and tb is h.dict_type:
            if a.ma_used != b.ma_used:
                return False
            for k, v in dict_items(a):
                w = dict_getitem(h, b, k)
                if w is None or not self.eq(v, w):
                    return False
            return True
        if ta in (h.set_type, h.frozenset_type) and tb in (h.set_type, h.frozenset_type):
            return set_richcompare(h, a, b, 2) is True
        if isinstance(a, MethodObject) and isinstance(b, MethodObject):
            return a.im_func is b.im_func and a.im_self is b.im_self
        if ta is h.slice_type and tb is h.slice_type:
            return (self.eq(a.start, b.start) and self.eq(a.stop, b.stop)
                    and self.eq(a.step, b.step))
        if ta is h.range_type and tb is h.range_type:
            return (a.length.value == b.length.value and
                    (a.length.value == 0 or (a.start.value == b.start.value and
                     (a.length.value == 1 or a.step.value == b.step.value))))
        if ta in self.proxy_types or tb in self.proxy_types:
            pr = self.proxy_referent
            return self.eq(pr(a) if ta in self.proxy_types else a,
                           pr(b) if tb in self.proxy_types else b)
        # the types' tp_richcompare, as objects/abstract.objects_equal asks it: both ways
        eq = ta.tp_eq
        if eq is not None:
            r = eq(h, a, b)
            if r is not NotImplemented:
                return r
        if tb is not ta:
            eq = tb.tp_eq
            if eq is not None:
                r = eq(h, b, a)
                if r is not NotImplemented:
                    return r
        return False

    def lt(self, a, b):
        return self.compare_host("<", a, b)

    def compare_host(self, op, a, b):
        h = self.heap
        if (a.ob_type.flags | b.ob_type.flags) & HEAP:
            r = self.user_compare(op, a, b)
            try:
                return self.truth(r)
            finally:
                h.decref(r)
        if op == "==":
            return self._eq(a, b) if a is not b else self._eq(a, b) if a.ob_type is h.float_type else True
        if op == "!=":
            return not self.compare_host("==", a, b)
        ta, tb = a.ob_type, b.ob_type
        if ta in self.scalar_types and tb in self.scalar_types:
            try:
                return _CMPOPS[op](self.unwrap(a), self.unwrap(b))
            except TypeError as e:
                raise GuestError("TypeError", str(e)) from None
        if ta is tb and (ta is h.list_type or ta is h.tuple_type):
            ia, ib = list(a.items), list(b.items)
            for x, y in zip(ia, ib):
                if not self.eq(x, y):
                    return self.compare_host(op, x, y)
            return _CMPOPS[op](len(ia), len(ib))
        if (ta is h.bytes_type or ta is h.bytearray_type) and \
                (tb is h.bytes_type or tb is h.bytearray_type):
            return _CMPOPS[op](bytes(a.value), bytes(b.value))
        if ta in (h.set_type, h.frozenset_type) and tb in (h.set_type, h.frozenset_type):
            code = {"<": 0, "<=": 1, ">": 4, ">=": 5}[op]
            return set_richcompare(h, a, b, code) is True
        raise GuestError("TypeError", f"'{op}' not supported between instances of "
                         f"'{ta.name}' and '{tb.name}'")

    def _builtin_compare(self, op, a, b):
        if op == "==" and a is b and a.ob_type is not self.heap.float_type:
            return new_bool(self.heap, True)
        return new_bool(self.heap, self.compare_host(op, a, b))

    def _builtin_contains(self, container, item):
        h = self.heap
        tp = container.ob_type
        if tp is h.list_type or tp is h.tuple_type:
            for x in list(container.items):
                if self.eq(x, item):
                    return True
            return False
        if tp is h.dict_type:
            return dict_contains(h, container, item)
        if tp is h.set_type or tp is h.frozenset_type:
            return set_contains(h, container, item)
        if tp is h.str_type:
            if item.ob_type is not h.str_type:
                raise GuestError("TypeError", "'in <string>' requires string as left operand, "
                                 f"not {item.ob_type.name}")
            return item.value in container.value
        if tp is h.range_type:
            if item.ob_type is h.int_type or item.ob_type is h.bool_type:
                return item.value in range(container.start.value, container.stop.value,
                                           container.step.value)
        if tp in self.view_iter:
            if tp is self.dict_keys_type:
                return dict_contains(h, container.dict, item)
        it = self.iter(container)
        try:
            while True:
                x = self.next(it)
                if x is None:
                    return False
                try:
                    if self.eq(x, item):
                        return True
                finally:
                    h.decref(x)
        finally:
            h.decref(it)

    # --- arithmetic -------------------------------------------------------------------

    def _builtin_binop(self, op, a, b):
        """``a op b`` for op in '+', '-', ... and the in-place forms '+=', ..."""
        h = self.heap
        inplace = op.endswith("=") and op not in ("==", "!=", "<=", ">=")
        base = op[:-1] if inplace else op
        ta, tb = a.ob_type, b.ob_type
        if ta in self.scalar_types and tb in self.scalar_types:
            if base == "+" and ta is h.str_type and tb is h.str_type:
                return str_concat(h, a, b)
            if base == "%" and ta is h.str_type:
                return self.str_mod(self, a, b)
            try:
                x, y = self.unwrap(a), self.unwrap(b)
                if base in _SIZED:
                    check_host_binop(h, base, x, y)
                res = _BINOPS[base](x, y)
            except (ZeroDivisionError, TypeError, OverflowError, ValueError) as e:
                msg = str(e).replace("+=", "+").replace(" for " + base + "=:", " for " + base + ":")
                if inplace and isinstance(e, TypeError) and "unsupported operand" in msg:
                    msg = msg.replace(f"for {base}:", f"for {op}:")
                raise GuestError(type(e).__name__, msg) from None
            if type(res) is str and ta is h.str_type and base == "*" and res == a.value:
                if len(res) == 0:
                    return new_str(h, "")
                a.ob_refcnt += 1
                return a
            return self.wrap(res)
        if ta is h.list_type:
            if base == "+" and tb is h.list_type and not inplace:
                return list_concat(h, a, b)
            if base == "+" and inplace:
                r = list_inplace_concat(h, a, b)
                return r if r is not None else self._incref(a)
            if base == "*" and tb in (h.int_type, h.bool_type):
                if inplace:
                    r = list_inplace_repeat(h, a, b.value)
                    return r if r is not None else self._incref(a)
                return list_repeat(h, a, b.value)
        if ta is h.tuple_type:
            if base == "+" and tb is h.tuple_type:
                return tuple_concat(h, a, b)
            if base == "*" and tb in (h.int_type, h.bool_type):
                return tuple_repeat(h, a, b.value)
        if base == "*" and tb in (h.list_type, h.tuple_type) and ta in (h.int_type, h.bool_type):
            return (list_repeat if tb is h.list_type else tuple_repeat)(h, b, a.value)
        if base == "*" and tb is h.str_type and ta in (h.int_type, h.bool_type):
            return self.wrap(a.value * b.value)
        if base == "%" and ta is h.str_type:
            return self.str_mod(self, a, b)
        settypes = (h.set_type, h.frozenset_type)
        if ta in settypes and tb in settypes:
            fn = {"|": set_or, "&": set_and, "-": set_sub, "^": set_xor}.get(base)
            if inplace and ta is h.set_type:
                fn = {"|": set_ior, "&": set_iand, "-": set_isub, "^": set_ixor}.get(base)
            if fn is not None:
                return fn(h, a, b)
        if ta is h.dict_type and tb is h.dict_type and base == "|":
            if inplace:
                dict_merge(h, a, b)
                return self._incref(a)
            d = dict_copy(h, a)
            dict_merge(h, d, b)
            return d
        hook = ta.nb_binop or tb.nb_binop
        if hook is not None:
            r = hook(self, op, a, b)
            if r is not None:
                return r
        raise GuestError("TypeError", f"unsupported operand type(s) for {op}: "
                         f"'{ta.name}' and '{tb.name}'")

    def _incref(self, o):
        o.ob_refcnt += 1
        return o

    def _builtin_unary(self, op, a):
        h = self.heap
        if op == "not":
            return new_bool(h, not self.truth(a))
        if a.ob_type in self.scalar_types:
            v = self.unwrap(a)
            try:
                res = {"-": operator.neg, "+": operator.pos, "~": operator.invert}[op](v)
            except TypeError as e:
                raise GuestError("TypeError", str(e)) from None
            if op == "+" and a.ob_type in (h.int_type, h.float_type):
                return self._incref(a) if a.ob_type is h.float_type else self.wrap(res)
            return self.wrap(res)
        raise GuestError("TypeError", f"bad operand type for unary {op}: '{a.ob_type.name}'")

    # --- subscripts --------------------------------------------------------------------

    def _index(self, obj, what):
        h = self.heap
        if obj.ob_type is h.int_type or obj.ob_type is h.bool_type:
            return obj.value
        if obj.ob_type.flags & HEAP:
            v = self.number_index(obj)
            if v is not None:
                return v
        raise GuestError("TypeError", f"{what} indices must be integers or slices, not "
                         f"{obj.ob_type.name}")

    def _builtin_getitem(self, container, key):
        h = self.heap
        tp = container.ob_type
        if tp is h.list_type or tp is h.tuple_type:
            name = "list" if tp is h.list_type else "tuple"
            if key.ob_type is h.slice_type:
                start, stop, step, n = slice_indices(h, key, len(container.items))
                if tp is h.list_type:
                    return list_subscript_slice(h, container, start, stop, step, n)
                return tuple_subscript_slice(h, container, start, stop, step, n)
            i = self._index(key, name)
            items = container.items
            if i < 0:
                i += len(items)
            if not 0 <= i < len(items):
                raise GuestError("IndexError", f"{name} index out of range")
            o = items[i]
            o.ob_refcnt += 1
            return o
        if tp is h.dict_type:
            v = dict_getitem(h, container, key)
            if v is None:
                raise _key_error(key)
            v.ob_refcnt += 1
            return v
        if tp is h.str_type:
            s = container.value
            if key.ob_type is h.slice_type:
                start, stop, step, n = slice_indices(h, key, len(s))
                if step == 1 and start == 0 and n == len(s):
                    return self._incref(container)
                return new_str(h, "".join(s[start + k * step] for k in range(n)))
            i = self._index(key, "string")
            if i < 0:
                i += len(s)
            if not 0 <= i < len(s):
                raise GuestError("IndexError", "string index out of range")
            return str_char(h, ord(s[i]))
        if tp is h.range_type:
            r = range(container.start.value, container.stop.value, container.step.value)
            if key.ob_type is h.slice_type:
                return tp.mp_subscript(self, container, key)
            try:
                return new_int(h, r[self._index(key, "range")])
            except IndexError:
                raise GuestError("IndexError", "range object index out of range") from None
        hook = tp.mp_subscript
        if hook is not None:
            return hook(self, container, key)
        raise GuestError("TypeError", f"'{tp.name}' object is not subscriptable")

    def _builtin_setitem(self, container, key, value):
        h = self.heap
        tp = container.ob_type
        if tp is h.list_type:
            if key.ob_type is h.slice_type:
                start, stop, step, n = slice_indices(h, key, len(container.items))
                list_ass_subscript_slice(h, container, start, stop, step, n, value)
                return
            i = self._index(key, "list")
            if i < 0:
                i += len(container.items)
            if not 0 <= i < len(container.items):
                raise GuestError("IndexError", "list assignment index out of range")
            list_ass_item(h, container, i, value)
            return
        if tp is h.dict_type:
            dict_setitem(h, container, key, value)
            return
        hook = tp.mp_ass_subscript
        if hook is not None:
            return hook(self, container, key, value)
        raise GuestError("TypeError", f"'{tp.name}' object does not support item assignment")

    def _builtin_delitem(self, container, key):
        h = self.heap
        tp = container.ob_type
        if tp is h.list_type:
            if key.ob_type is h.slice_type:
                start, stop, step, n = slice_indices(h, key, len(container.items))
                list_ass_subscript_slice(h, container, start, stop, step, n, None)
                return
            i = self._index(key, "list")
            if i < 0:
                i += len(container.items)
            if not 0 <= i < len(container.items):
                raise GuestError("IndexError", "list assignment index out of range")
            list_del_item(h, container, i)
            return
        if tp is h.dict_type:
            dict_delitem(h, container, key)
            return
        hook = tp.mp_ass_subscript
        if hook is not None:
            return hook(self, container, key, None)
        raise GuestError("TypeError", f"'{tp.name}' object doesn't support item deletion")

    def build_slice(self, start, stop, step):
        return slice_new(self.heap, start, stop, step)

    # --- iteration ---------------------------------------------------------------------

    def _builtin_iter(self, obj):
        h = self.heap
        tp = obj.ob_type
        it_types = self.iter_types
        if tp is h.list_type:
            obj.ob_refcnt += 1
            return itmod.new_iter(h, it_types["list_iterator"], obj)
        if tp is h.tuple_type:
            obj.ob_refcnt += 1
            return itmod.new_iter(h, it_types["tuple_iterator"], obj)
        if tp is h.str_type:
            obj.ob_refcnt += 1
            return itmod.new_iter(h, it_types["str_ascii_iterator"], obj)
        if tp is h.range_type:
            return range_iter(h, obj)
        if tp is h.set_type or tp is h.frozenset_type:
            return set_iter(h, obj)
        if tp is h.dict_type:
            obj.ob_refcnt += 1
            it = itmod.new_iter(h, it_types["dict_keyiterator"], obj)
            it.used = obj.ma_used
            return it
        view_iter = self.view_iter.get(tp)
        if view_iter is not None:
            d = obj.dict
            d.ob_refcnt += 1
            it = itmod.new_iter(h, view_iter, d)
            it.used = d.ma_used
            return it
        if tp.tp_iternext is not None:      # an iterator is its own iterator
            obj.ob_refcnt += 1
            return obj
        if tp is h.bytes_type or tp is h.bytearray_type:
            obj.ob_refcnt += 1
            return itmod.new_iter(h, it_types["bytes_iterator" if tp is h.bytes_type
                                             else "bytearray_iterator"], obj)
        if tp in self.proxy_types:
            return self.iter(self.proxy_referent(obj))
        raise GuestError("TypeError", f"'{tp.name}' object is not iterable")

    def _builtin_next(self, it):
        """``tp_iternext``: a new reference or None when exhausted."""
        fn = it.ob_type.tp_iternext
        if fn is None:
            raise GuestError("TypeError", f"'{it.ob_type.name}' object is not an iterator")
        return fn(self, it)

    def iterate(self, obj):
        """A host generator of new references over a guest iterable."""
        h = self.heap
        it = self.iter(obj)
        try:
            while True:
                x = self.next(it)
                if x is None:
                    return
                yield x
        finally:
            h.decref(it)

    def collect(self, obj):
        """A host list of new references to the items of a guest iterable."""
        h = self.heap
        tp = obj.ob_type
        if tp is h.list_type or tp is h.tuple_type:
            items = list(obj.items)
            for x in items:
                x.ob_refcnt += 1
            return items
        return list(self.iterate(obj))

    # --- strings -------------------------------------------------------------------------

    def repr(self, obj):
        return new_str(self.heap, self.repr_host(obj))

    def str(self, obj):
        h = self.heap
        if obj.ob_type is h.str_type:
            obj.ob_refcnt += 1
            return obj
        return new_str(h, self.str_host(obj))

    def _builtin_str_host(self, obj):
        h = self.heap
        tp = obj.ob_type
        if tp is h.str_type:
            return obj.value
        if self.isinstance_tp(obj, self.exc_types["BaseException"]):
            return self.exc_str(obj)
        if tp in self.proxy_types:
            return self.str_host(self.proxy_referent(obj))
        return self.repr_host(obj)

    def _builtin_repr_host(self, obj):
        h = self.heap
        tp = obj.ob_type
        if tp is h.str_type:
            return repr(obj.value)
        if tp is h.int_type:
            return long_to_decimal(obj.value)
        if tp in self.scalar_types:
            return repr(self.unwrap(obj))
        if tp is h.ellipsis_type:
            return "Ellipsis"
        if tp is h.not_implemented_type:
            return "NotImplemented"
        key = id(obj)
        if tp in (h.list_type, h.tuple_type, h.dict_type, h.set_type, h.frozenset_type):
            if key in self.repr_active:
                return {h.list_type: "[...]", h.dict_type: "{...}"}.get(tp, "...")
            self.repr_active.add(key)
            try:
                if tp is h.list_type:
                    return "[" + ", ".join(self.repr_host(x) for x in list(obj.items)) + "]"
                if tp is h.tuple_type:
                    if len(obj.items) == 1:
                        return "(" + self.repr_host(obj.items[0]) + ",)"
                    return "(" + ", ".join(self.repr_host(x) for x in obj.items) + ")"
                if tp is h.dict_type:
                    return "{" + ", ".join(f"{self.repr_host(k)}: {self.repr_host(v)}"
                                           for k, v in dict_items(obj)) + "}"
                keys = set_keys(obj)
                if tp is h.set_type:
                    if not keys:
                        return "set()"
                    return "{" + ", ".join(self.repr_host(k) for k in keys) + "}"
                if not keys:
                    return "frozenset()"
                return "frozenset({" + ", ".join(self.repr_host(k) for k in keys) + "})"
            finally:
                self.repr_active.discard(key)
        if tp is h.bytes_type:
            return repr(obj.value)
        if tp is h.range_type:
            if obj.step.value == 1:
                return f"range({obj.start.value}, {obj.stop.value})"
            return f"range({obj.start.value}, {obj.stop.value}, {obj.step.value})"
        if tp is h.slice_type:
            return (f"slice({self.repr_host(obj.start)}, {self.repr_host(obj.stop)}, "
                    f"{self.repr_host(obj.step)})")
        if isinstance(obj, TypeObject):
            if obj.module == "builtins":
                return f"<class '{obj.qualname}'>"
            return f"<class '{obj.module}.{obj.qualname}'>"
        if isinstance(obj, FunctionObject):
            return f"<function {obj.func_qualname.value} at {obj.addr:#x}>"
        if isinstance(obj, CFunctionObject):
            s = obj.m_self
            if s is None or isinstance(s, ModuleObject):
                return f"<built-in function {obj.m_ml.ml_name}>"
            return (f"<built-in method {obj.m_ml.ml_name} of {s.ob_type.name} object "
                    f"at {s.addr:#x}>")
        if isinstance(obj, MethodDescr):
            return f"<method '{obj.name}' of '{obj.objtype.name}' objects>"
        if isinstance(obj, ModuleObject):
            name = obj.md_name.value if obj.md_name is not None else "?"
            return f"<module '{name}' (built-in)>"
        if "BaseException" in self.exc_types and self.isinstance_tp(
                obj, self.exc_types["BaseException"]):
            args = obj.args.items
            if len(args) == 1:
                return f"{tp.name}({self.repr_host(args[0])})"
            return tp.name + self.repr_host(obj.args)
        hook = tp.tp_repr
        if hook is not None:
            return hook(self, obj)
        return f"<{tp.name} object at {obj.addr:#x}>"

    def _builtin_format(self, obj, spec):
        h = self.heap
        if self.is_scalar(obj):
            return self.format_object(self, obj, spec)
        if spec == "":
            return self.str(obj)
        raise GuestError("TypeError", f"unsupported format string passed to "
                         f"{obj.ob_type.name}.__format__")

    # --- attributes and methods --------------------------------------------------------

    def lookup_method(self, obj, name):
        """A static method descriptor for ``obj.name`` when obj's type or one of its bases
        has it in its method table, else None (borrowed; descriptors are static)."""
        tp = obj.ob_type
        while tp is not None:
            table = tp.tp_methods
            if table is not None:
                fn = table.get(name)
                if fn is not None:
                    return self.descr(tp, name, fn)
            tp = tp.base
        if name[:2] == "__" and not obj.ob_type.flags & HEAP:
            tp = obj.ob_type
            while tp is not None:
                fn = self.static_method_fn(tp, name)
                if fn is not None:
                    return self.descr(tp, name, fn)
                tp = tp.base
        return None

    def descr(self, tp, name, fn):
        """The ``method_descriptor`` of the builtin type tp's method ``name`` (borrowed)."""
        key = (tp, name)
        d = self.descrs.get(key)
        if d is None:
            d = MethodDescr.__new__(MethodDescr)
            d.name = name
            d.fn = fn
            d.objtype = tp
            d.mdef = MethodDef(self.heap, name, fn, METH_FASTCALL | METH_KEYWORDS)
            self.heap.make_static(d, self.method_descr_type, 40)
            self.descrs[key] = d
        return d

    def builtin_getattr(self, obj, name):
        """``obj.name``: a new reference."""
        h = self.heap
        hook = obj.ob_type.tp_getattro
        if hook is not None:
            r = hook(self, obj, name)
            if r is not None:
                return r
        d = self.lookup_method(obj, name)
        if d is not None:
            return cfunction_new(h, d.mdef, self=obj)
        tp = obj.ob_type
        if isinstance(obj, TypeObject):
            if name == "__name__":
                return new_str(h, obj.name)
            if name == "__qualname__":
                return new_str(h, obj.qualname)
            table = obj.tp_methods
            fn = table.get(name) if table is not None else None
            if fn is not None:
                d = self.descr(obj, name, fn)
                d.ob_refcnt += 1
                return d
        if isinstance(obj, FunctionObject):
            if name == "__name__":
                return self._incref(obj.func_name)
            if name == "__qualname__":
                return self._incref(obj.func_qualname)
            if name == "__defaults__":
                return self._incref(obj.func_defaults or h.none)
            if name == "__doc__":
                return self._incref(obj.func_doc)
        if "BaseException" in self.exc_types and self.isinstance_tp(
                obj, self.exc_types["BaseException"]):
            if name == "args":
                return self._incref(obj.args)
            if name in ("code", "value") and obj.extra is not None:
                return self._incref(obj.extra)
            if name in ("code", "value"):
                return self.none()
            if name in ("name", "path", "msg") and self.isinstance_tp(
                    obj, self.exc_types["ImportError"]):
                # ImportError's members (a msg of one argument, as ImportError_init sets it)
                if name == "msg":
                    a = obj.args.items
                    return self._incref(a[0] if len(a) == 1 else h.none)
                v = obj.imp_name if name == "name" else obj.imp_path
                return self._incref(v if v is not None else h.none)
            if name == "__context__":
                return self._incref(obj.context or h.none)
            if name == "__cause__":
                return self._incref(obj.cause or h.none)
        if tp in (h.int_type, h.bool_type):
            if name in ("real", "numerator"):
                return new_int(h, obj.value)
            if name == "imag":
                return new_int(h, 0)
            if name == "denominator":
                return new_int(h, 1)
        if tp is h.complex_type and name in ("real", "imag"):
            return new_float(h, getattr(obj.value, name))
        if tp is h.float_type and name in ("real", "imag"):
            return new_float(h, getattr(obj.value, name))
        if tp is h.range_type and name in ("start", "stop", "step"):
            return self._incref(getattr(obj, name))
        if tp is h.slice_type and name in ("start", "stop", "step"):
            return self._incref(getattr(obj, name))
        if isinstance(obj, TypeObject):
            raise GuestError("AttributeError",
                             f"type object '{obj.name}' has no attribute '{name}'")
        raise GuestError("AttributeError", f"'{tp.name}' object has no attribute '{name}'")

    def builtin_setattr(self, obj, name, value):
        h = self.heap
        hook = obj.ob_type.tp_setattro
        if hook is not None and hook(self, obj, name, value):
            return
        tp = obj.ob_type
        if self.lookup_method(obj, name) is not None:
            raise GuestError("AttributeError",
                             f"'{tp.name}' object attribute '{name}' is read-only")
        raise GuestError("AttributeError", f"'{tp.name}' object has no attribute '{name}'")

    # --- calls ------------------------------------------------------------------------

    def _builtin_call(self, func, args, kw):
        """Call func with borrowed args (host list) and kw (host dict name -> borrowed obj,
        or None): a new reference."""
        h = self.heap
        if isinstance(func, FunctionObject):
            for a in args:
                a.ob_refcnt += 1
            kwrefs = None
            if kw:
                kwrefs = {}
                for k, v in kw.items():
                    v.ob_refcnt += 1
                    kwrefs[k] = v
            func.ob_refcnt += 1
            return self.interp.call_function(func, list(args), kwrefs)
        if isinstance(func, CFunctionObject):
            return func.m_ml.ml_meth(self, func.m_self, args, kw)
        if isinstance(func, MethodDescr):
            if not args:
                raise GuestError("TypeError", f"unbound method {func.objtype.name}.{func.name}() "
                                 "needs an argument")
            return func.fn(self, args[0], args[1:], kw)
        if isinstance(func, MethodObject):
            return self.call(func.im_func, [func.im_self] + list(args), kw)
        if isinstance(func, TypeObject):
            return self.call_type(func, args, kw)
        tp_call = getattr(func.ob_type, "tp_call", None)
        if tp_call is not None:
            return tp_call(self, func, args, kw)
        raise GuestError("TypeError", f"'{func.ob_type.name}' object is not callable")

    def _builtin_call_type(self, tp, args, kw):
        t = tp
        while t is not None:
            ctor = t.tp_vectorcall
            if ctor is not None:
                return ctor(self, tp, args, kw)
            t = t.base
        raise Unsupported(f"calling type {tp.name}")

    def callable(self, obj):
        tp = obj.ob_type
        if tp.flags & HEAP and not isinstance(obj, TypeObject):
            return heap_lookup(self, tp, "__call__") is not None
        return isinstance(obj, (FunctionObject, CFunctionObject, MethodDescr, MethodObject,
                                TypeObject)) or getattr(tp, "tp_call", None) is not None

    def sizeof(self, obj):
        return getsizeof(obj)

    # --- dispatch: heap types first, then the builtin paths ----------------------------

    def truth(self, obj):
        h = self.heap
        if obj is h.true:
            return True
        if obj is h.false or obj is h.none:
            return False
        if obj.ob_type.flags & HEAP:
            return self.user_truth(obj)
        return self._builtin_truth(obj)

    def len_or_none(self, obj):
        if obj.ob_type is self.mappingproxy_type:
            obj = obj.mapping
        if obj.ob_type.flags & HEAP:
            return self.user_len_or_none(obj)
        return self._builtin_len_or_none(obj)

    def _eq(self, a, b):
        if (a.ob_type.flags | b.ob_type.flags) & HEAP:
            r = self.user_compare("==", a, b)
            try:
                return self.truth(r)
            finally:
                self.heap.decref(r)
        return self._builtin_eq(a, b)

    def compare(self, op, a, b):
        if (a.ob_type.flags | b.ob_type.flags) & HEAP:
            return self.user_compare(op, a, b)
        return self._builtin_compare(op, a, b)

    def contains(self, container, item):
        if container.ob_type is self.mappingproxy_type:
            container = container.mapping
        if container.ob_type.flags & HEAP:
            r = self.user_contains(container, item)
            if r is not None:
                return r
        return self._builtin_contains(container, item)

    def binary_op(self, op, a, b):
        if (a.ob_type.flags | b.ob_type.flags) & HEAP:
            return self.user_binop(op, a, b)
        return self._builtin_binop(op, a, b)

    def unary(self, op, a):
        if op != "not" and a.ob_type.flags & HEAP:
            return self.user_unary(op, a)
        return self._builtin_unary(op, a)

    def getitem(self, container, key):
        if container.ob_type is self.mappingproxy_type:
            container = container.mapping
        if container.ob_type.flags & HEAP or isinstance(container, TypeObject):
            return self.user_getitem(container, key)
        return self._builtin_getitem(container, key)

    def setitem(self, container, key, value):
        if container.ob_type.flags & HEAP:
            return self.user_setitem(container, key, value)
        return self._builtin_setitem(container, key, value)

    def delitem(self, container, key):
        if container.ob_type.flags & HEAP:
            return self.user_setitem(container, key, None)
        return self._builtin_delitem(container, key)

    def iter(self, obj):
        if obj.ob_type is self.mappingproxy_type:
            obj = obj.mapping
        if obj.ob_type.flags & HEAP:
            return self.user_iter(obj)
        return self._builtin_iter(obj)

    def next(self, it):
        """``tp_iternext``: a new reference, or None when the iterator is exhausted.

        Each call is one step of the run: the loops builtins run over an iterator (``sum``,
        ``max``, ``list``, ``sorted``, ...) go through here, so ``--max-steps`` and
        ``--timeout`` hold inside them too (the limit check is the interpreter's own, without
        the audit's safe-point hook: a builtin holds references no root lists)."""
        ip = self.interp
        if ip is not None:
            ip.steps += 1
            if ip.steps > ip.check_at:
                type(ip).check_limits(ip)
        fn = it.ob_type.tp_iternext
        if fn is not None:
            return fn(self, it)
        if it.ob_type.flags & HEAP:
            return self.user_next(it)
        raise GuestError("TypeError", f"'{it.ob_type.name}' object is not an iterator")

    def str_host(self, obj):
        if obj.ob_type.flags & HEAP:
            return self.user_str(obj)
        return self._builtin_str_host(obj)

    def repr_host(self, obj):
        tp = obj.ob_type
        if tp.flags & HEAP:
            return self.user_repr(obj)
        if tp is self.super_type:
            return super_repr(self, obj)
        if tp is self.member_descr_type or tp is self.getset_descr_type:
            kind = "member" if tp is self.member_descr_type else "attribute"
            return f"<{kind} '{obj.d_name.value}' of '{obj.d_type.name}' objects>"
        if tp is self.mappingproxy_type:
            return f"mappingproxy({self.repr_host(obj.mapping)})"
        if isinstance(obj, MethodObject):
            f = obj.im_func
            fq = f.func_qualname.value if isinstance(f, FunctionObject) else "?"
            return f"<bound method {fq} of {self.repr_host(obj.im_self)}>"
        if tp is self.heap.property_type:
            return f"<property object at {obj.addr:#x}>"
        if tp is self.heap.staticmethod_type or tp is self.heap.classmethod_type:
            return f"<{tp.name}({self.repr_host(obj.sm_callable if tp is self.heap.staticmethod_type else obj.cm_callable)})>"
        return self._builtin_repr_host(obj)

    def format(self, obj, spec):
        if obj.ob_type.flags & HEAP:
            return self.user_format(obj, spec)
        return self._builtin_format(obj, spec)

    def getattr(self, obj, name):
        """``obj.name`` for a host str name: a new reference."""
        tp = obj.ob_type
        if tp is self.mappingproxy_type and name in ("keys", "values", "items", "get", "copy"):
            return self.builtin_getattr(obj.mapping, name)
        if tp.flags & HEAP or isinstance(obj, (TypeObject, MethodObject)) or \
                tp is self.super_type or tp is self.heap.property_type:
            k = intern_string(self.heap, name)
            try:
                return self.getattr_name(obj, k)
            finally:
                self.heap.decref(k)
        return self.builtin_getattr(obj, name)

    def setattr(self, obj, name, value):
        tp = obj.ob_type
        if tp.flags & HEAP or isinstance(obj, TypeObject) or name == "__class__":
            k = intern_string(self.heap, name)
            try:
                return self.setattr_name(obj, k, value)
            finally:
                self.heap.decref(k)
        return self.builtin_setattr(obj, name, value)

    def call(self, func, args, kw):
        tp = func.ob_type
        if tp.flags & HEAP:
            if isinstance(func, TypeObject):
                return self.call_type(func, args, kw)
            return self.user_call(func, args, kw)
        return self._builtin_call(func, args, kw)

    def call_type(self, tp, args, kw):
        if tp.flags & HEAP:
            return type_call(self, tp, args, kw)
        return self._builtin_call_type(tp, args, kw)



def T_lookup_any(sp, tp, names):
    return any(heap_lookup(sp, tp, n) is not None for n in names)

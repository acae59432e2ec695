"""The object space's half for instances of classes made by the class statement: special
methods dispatched on the type (never the instance) with CPython's NotImplemented and
reflected-operand rules (Objects/abstract.c ``binary_op1``, Objects/object.c
``do_richcompare``, Objects/typeobject.c's ``slot_*`` functions).

``ProtoSpace`` is mixed into ``ObjectSpace``; each builtin operation of space.py calls the
matching ``user_*`` method first when an operand's type is a heap type.
"""

from heapsim.base.errors import GuestError, GuestException
from heapsim.objects.core import TypeObject, TPFLAGS_HEAPTYPE, TPFLAGS_HAVE_GC, make_static_type
from heapsim.objects.unicodeobject import new_str
from heapsim.objects.dictobject import dict_getitem
from heapsim.interp.types import iterobject as itmod
from heapsim.interp.types import typeobject as T
from heapsim.interp.types import descrobject as D
from heapsim.interp.types.exceptions import ExcObject
from heapsim.interp.types.exceptiongroup import group_str
from heapsim.interp.types.genericaliasobject import generic_alias_new
from heapsim.interp.types.syntaxerr import is_syntax_error, syntax_error_str
from heapsim.objects.methodobject import MethodObject
from heapsim.objects.funcobject import PropertyObject, StaticMethodObject, ClassMethodObject

HEAP = TPFLAGS_HEAPTYPE

BIN_NAMES = {
    "+": "add", "-": "sub", "*": "mul", "/": "truediv", "//": "floordiv", "%": "mod",
    "**": "pow", "<<": "lshift", ">>": "rshift", "&": "and", "|": "or", "^": "xor",
    "@": "matmul",
}
CMP_NAMES = {"<": ("__lt__", "__gt__"), "<=": ("__le__", "__ge__"), "==": ("__eq__", "__eq__"),
             "!=": ("__ne__", "__ne__"), ">": ("__gt__", "__lt__"), ">=": ("__ge__", "__le__")}
UNARY_NAMES = {"-": "__neg__", "+": "__pos__", "~": "__invert__", "abs": "__abs__"}


class ProtoSpace:
    def init_proto(self):
        self.slot_fns = {}     # (static type, special name) -> builtin_slot's host method
        # binary_special's builtin behaviour: stem ("divmod") -> the builtin function
        # (modules/bltinmodule.py fills it at start-up)
        self.builtin_binary = {}
        T.init(self)
        D.install(self)

    def register_builtins(self, module):
        D.register(self, module)

    def static_method_fn(self, tp, name):
        """The host method ``tp.name`` of the static type tp, or None (``static_method_fn``);
        the types layer's ``lookup`` reaches it through the space."""
        return static_method_fn(self, tp, name)

    def _ni(self, r):
        return r is self.heap.not_implemented

    def call_special(self, obj, name, args):
        """``type(obj).name(obj, *args)`` as the type slot does it: the class's method, else
        the builtin base's (for a subclass of a builtin), else None when the type has no
        such slot.  ``abs()`` of an object without ``__abs__`` is the TypeError."""
        r = T.call_special(self, obj, name, args)
        if r is not None:
            return r
        if T.builtin_based(obj):
            bb = obj.ob_type.ext.builtin_base
            fn = self.static_method_fn(bb, name)
            if fn is not None:
                return fn(self, obj, list(args), None)
        if name == "__abs__":
            raise GuestError("TypeError", f"bad operand type for abs(): '{obj.ob_type.name}'")
        return None

    def special_method(self, obj, name):
        """The bound special method ``type(obj).name`` (a new reference), or None: for
        ``with`` (``__enter__``/``__exit__``) and other callers."""
        m = T.lookup(self, obj.ob_type, name)
        if m is None:
            return None
        return T.descr_get(self, m, obj, obj.ob_type)

    # --- attributes ----------------------------------------------------------------------

    def getattr_name(self, obj, nameobj):
        """``PyObject_GetAttr(obj, nameobj)``: a new reference."""
        tp = obj.ob_type
        if tp.flags & HEAP:
            if isinstance(obj, TypeObject):
                return T.type_getattr(self, obj, nameobj)
            return T.getattr_obj(self, obj, nameobj)
        if isinstance(obj, TypeObject):
            if obj.flags & HEAP:
                return T.type_getattr(self, obj, nameobj)
            return self._static_type_getattr(obj, nameobj)
        if tp is self.super_type:
            return D.super_getattr(self, obj, nameobj)
        if tp is self.member_descr_type or tp is self.getset_descr_type:
            name = nameobj.value
            if name == "__name__":
                return self._incref(obj.d_name)
            if name == "__objclass__":
                return self._incref(obj.d_type)
            if name == "__doc__":
                return self.none()
        if tp is self.mappingproxy_type:
            return self.getattr(obj, nameobj.value)
        if isinstance(obj, MethodObject):
            name = nameobj.value
            if name == "__self__":
                return self._incref(obj.im_self)
            if name == "__func__":
                return self._incref(obj.im_func)
            if name == "__class__":
                return self._incref(tp)
            return self.getattr_name(obj.im_func, nameobj)
        if isinstance(obj, PropertyObject):
            name = nameobj.value
            f = {"fget": obj.prop_get, "fset": obj.prop_set, "fdel": obj.prop_del,
                 "__doc__": obj.prop_doc}.get(name, False)
            if f is not False:
                return self._incref(f if f is not None else self.heap.none)
        if isinstance(obj, (StaticMethodObject, ClassMethodObject)) and \
                nameobj.value == "__func__":
            return self._incref(obj.sm_callable if isinstance(obj, StaticMethodObject)
                                else obj.cm_callable)
        if nameobj.value == "__class__":
            return self._incref(tp)
        return self.builtin_getattr(obj, nameobj.value)

    def _static_type_getattr(self, tp, nameobj):
        name = nameobj.value
        r = T._type_special(self, tp, name)
        if r is not None:
            return r
        m = T.lookup(self, tp, name)
        if m is not None:
            m.ob_refcnt += 1
            return m
        try:
            return self.builtin_getattr(tp, name)
        except GuestError as e:
            if e.kind != "AttributeError":
                raise
        m = T.lookup(self, tp, name)
        if m is not None:
            m.ob_refcnt += 1
            return m
        raise GuestError("AttributeError", f"type object '{tp.name}' has no attribute "
                         f"'{name}'")

    def getattr_opt(self, obj, nameobj):
        """``_PyObject_LookupAttr``: a new reference or None when AttributeError."""
        try:
            return self.getattr_name(obj, nameobj)
        except GuestError as e:
            if e.kind != "AttributeError":
                raise
            return None
        except GuestException as ge:
            if not T.is_subtype(ge.exc.ob_type, self.exc_types["AttributeError"]):
                raise
            self.heap.decref(ge.exc)
            return None

    def setattr_name(self, obj, nameobj, value):
        """``PyObject_SetAttr`` (value None: delete)."""
        tp = obj.ob_type
        if isinstance(obj, TypeObject):
            if obj.flags & HEAP:
                return T.type_setattr(self, obj, nameobj, value)
            raise GuestError("TypeError", f"cannot set '{nameobj.value}' attribute of "
                             f"immutable type '{obj.name}'")
        if tp.flags & HEAP:
            return T.setattr_obj(self, obj, nameobj, value)
        if nameobj.value == "__class__":
            return T.object_set_class(self, obj, value)
        if value is None:
            return self.builtin_delattr(obj, nameobj.value)
        return self.builtin_setattr(obj, nameobj.value, value)

    def builtin_delattr(self, obj, name):
        hook = obj.ob_type.tp_setattro
        if hook is not None and hook(self, obj, name, None):
            return
        tp = obj.ob_type
        if self.lookup_method(obj, name) is not None:
            raise GuestError("AttributeError", f"'{tp.name}' object attribute '{name}' is "
                             "read-only")
        raise GuestError("AttributeError", f"'{tp.name}' object has no attribute '{name}'")

    # --- operators ---------------------------------------------------------------------

    def user_binop(self, op, a, b):
        """``a op b`` (op like '+' or '+=') with at least one heap-type operand: a new
        reference."""
        heap = self.heap
        inplace = op[-1] == "=" and op not in ("==", "!=", "<=", ">=")
        base = op[:-1] if inplace else op
        stem = BIN_NAMES[base]
        ta, tb = a.ob_type, b.ob_type
        if inplace and ta.flags & HEAP:
            m = T.heap_lookup(self, ta, f"__i{stem}__")
            if m is not None:
                r = T.call_descr_method(self, m, a, [b])
                if r is not heap.not_implemented:
                    return r
                heap.decref(r)
        name, rname = f"__{stem}__", f"__r{stem}__"
        ma = T.heap_lookup(self, ta, name) if ta.flags & HEAP else None
        mb = None
        if tb is not ta and tb.flags & HEAP:
            mb = T.heap_lookup(self, tb, rname)
        if mb is not None and ma is not None and T.is_subtype(tb, ta):
            if mb is T.heap_lookup(self, ta, rname):
                pass
            else:
                r = T.call_descr_method(self, mb, b, [a])
                if r is not heap.not_implemented:
                    return r
                heap.decref(r)
                mb = None
        if ma is not None:
            r = T.call_descr_method(self, ma, a, [b])
            if r is not heap.not_implemented:
                return r
            heap.decref(r)
        if mb is not None:
            r = T.call_descr_method(self, mb, b, [a])
            if r is not heap.not_implemented:
                return r
            heap.decref(r)
        if base == "*" and not T.builtin_based(a if tb.flags & HEAP else b):
            seq, n = (a, b) if tb.flags & HEAP else (b, a)
            if _base_name(seq) in ("str", "list", "tuple", "bytes", "bytearray") and \
                    n.ob_type.flags & HEAP and T.heap_lookup(self, n.ob_type, "__index__"):
                k = self.newint(self.index_value(n))
                try:
                    return self.binary_op(op, seq, k) if seq is a else \
                        self.binary_op(op, k, seq)
                finally:
                    heap.decref(k)
        if T.builtin_based(a) or T.builtin_based(b) or not (ta.flags & HEAP and tb.flags & HEAP):
            with T.AsBuiltin((a, b)):
                try:
                    return self._builtin_binop(op, a, b)
                except GuestError as e:
                    if e.kind != "TypeError" or "unsupported operand" not in e.message and \
                            "can only concatenate" not in e.message and \
                            "can't multiply" not in e.message:
                        raise
        raise GuestError("TypeError", f"unsupported operand type(s) for {op}: "
                         f"'{ta.name}' and '{tb.name}'")

    # --- numeric conversions (int(), float(), complex() of user objects) -----------------

    def _conv_call(self, obj, name):
        m = T.heap_lookup(self, obj.ob_type, name)
        if m is None:
            return None
        return T.call_descr_method(self, m, obj, [])

    def number_int(self, x):
        """``PyNumber_Long``'s hooks: ``__int__``, then ``__index__``; a host int or None."""
        heap = self.heap
        if not x.ob_type.flags & HEAP:
            return None
        r = self._conv_call(x, "__int__")
        if r is not None:
            try:
                if not T.is_subtype(r.ob_type, heap.int_type):
                    raise GuestError("TypeError", f"__int__ returned non-int (type "
                                     f"{r.ob_type.name})")
                return int(r.value)
            finally:
                heap.decref(r)
        if T.heap_lookup(self, x.ob_type, "__index__") is not None:
            return self.index_value(x)
        r = self._conv_call(x, "__trunc__")
        if r is not None:
            try:
                if not T.is_subtype(r.ob_type, heap.int_type):
                    return self.number_int(r)
                return int(r.value)
            finally:
                heap.decref(r)
        return None

    def number_float(self, x):
        """``PyNumber_Float``'s hooks: ``__float__``, then ``__index__``; a host float or
        None."""
        heap = self.heap
        if not x.ob_type.flags & HEAP:
            return None
        r = self._conv_call(x, "__float__")
        if r is not None:
            try:
                if not T.is_subtype(r.ob_type, heap.float_type):
                    raise GuestError("TypeError", f"{x.ob_type.name}.__float__ returned "
                                     f"non-float (type {r.ob_type.name})")
                return float(r.value)
            finally:
                heap.decref(r)
        if T.heap_lookup(self, x.ob_type, "__index__") is not None:
            v = self.index_value(x)
            try:
                return float(v)
            except OverflowError:
                raise GuestError("OverflowError", "int too large to convert to float") from None
        return None

    def number_complex(self, x):
        """``complex(x)`` for a user object: ``__complex__``, ``__float__`` or ``__index__``."""
        heap = self.heap
        r = self._conv_call(x, "__complex__")
        if r is not None:
            try:
                if not T.is_subtype(r.ob_type, heap.complex_type):
                    raise GuestError("TypeError", f"__complex__ returned non-complex (type "
                                     f"{r.ob_type.name})")
                return complex(r.value)
            finally:
                heap.decref(r)
        v = self.number_float(x)
        return None if v is None else complex(v)

    def new_subclass_instance(self, tp, v):
        o = self.wrap(v)
        try:
            return T.base_new(self, tp, [o], None, True)
        finally:
            self.heap.decref(o)

    def binary_special(self, stem, a, b):
        """``divmod(a, b)`` and the like: ``__stem__``/``__rstem__`` with binary_op1's rules,
        then the builtin behaviour of builtin bases: a new reference."""
        heap = self.heap
        ta, tb = a.ob_type, b.ob_type
        name, rname = f"__{stem}__", f"__r{stem}__"
        ma = T.heap_lookup(self, ta, name) if ta.flags & HEAP else None
        mb = T.heap_lookup(self, tb, rname) if tb is not ta and tb.flags & HEAP else None
        order = []
        if mb is not None and T.is_subtype(tb, ta) and ma is not None:
            order.append((mb, b, a))
            mb = None
        if ma is not None:
            order.append((ma, a, b))
        if mb is not None:
            order.append((mb, b, a))
        for m, x, y in order:
            r = T.call_descr_method(self, m, x, [y])
            if r is not heap.not_implemented:
                return r
            heap.decref(r)
        if (T.builtin_based(a) or not ta.flags & HEAP) and (T.builtin_based(b) or
                                                           not tb.flags & HEAP):
            fn = self.builtin_binary.get(stem)
            if fn is not None:
                with T.AsBuiltin((a, b)):
                    if (a.ob_type.flags | b.ob_type.flags) & HEAP:
                        pass
                    elif self.is_scalar(a) and self.is_scalar(b):
                        return fn(self, None, [a, b], None)
        raise GuestError("TypeError", f"unsupported operand type(s) for {stem}(): "
                         f"'{ta.name}' and '{tb.name}'")

    def user_compare(self, op, a, b):
        """``do_richcompare`` with a heap-type operand: a new reference."""
        r = self.rich_compare_obj(a, b, op)
        if r is not None:
            return r
        heap = self.heap
        if T.builtin_based(a) or T.builtin_based(b):
            with T.AsBuiltin((a, b)):
                return self.compare(op, a, b)
        if op == "==":
            return self.newbool(a is b)
        if op == "!=":
            return self.newbool(a is not b)
        raise GuestError("TypeError", f"'{op}' not supported between instances of "
                         f"'{a.ob_type.name}' and '{b.ob_type.name}'")

    def _try_cmp(self, obj, name, other, op):
        heap = self.heap
        tp = obj.ob_type
        if not tp.flags & HEAP:
            return None
        m = T.heap_lookup(self, tp, name)
        if m is None:
            if name == "__ne__":
                m = T.heap_lookup(self, tp, "__eq__")
                if m is None:
                    return None
                r = T.call_descr_method(self, m, obj, [other])
                if r is heap.not_implemented:
                    heap.decref(r)
                    return None
                try:
                    return self.newbool(not self.truth(r))
                finally:
                    heap.decref(r)
            return None
        if m is heap.none:
            return None
        r = T.call_descr_method(self, m, obj, [other])
        if r is heap.not_implemented:
            heap.decref(r)
            return None
        return r

    def rich_compare_obj(self, a, b, op):
        """The user-method part of ``do_richcompare``: a new reference or None (both sides
        returned NotImplemented or have no method)."""
        name, rname = CMP_NAMES[op]
        ta, tb = a.ob_type, b.ob_type
        checked = False
        if ta is not tb and T.is_subtype(tb, ta) and tb.flags & HEAP:
            checked = True
            r = self._try_cmp(b, rname, a, op)
            if r is not None:
                return r
        r = self._try_cmp(a, name, b, op)
        if r is not None:
            return r
        if not checked:
            r = self._try_cmp(b, rname, a, op)
            if r is not None:
                return r
        return None

    def rich_compare_user(self, a, b, op):
        """For the object model's ``tp_eq``: a host bool, or None for NotImplemented."""
        r = self.rich_compare_obj(a, b, op)
        if r is None:
            return None
        try:
            return self.truth(r)
        finally:
            self.heap.decref(r)

    def user_unary(self, op, a):
        m = T.heap_lookup(self, a.ob_type, UNARY_NAMES[op])
        if m is not None:
            return T.call_descr_method(self, m, a, [])
        if T.builtin_based(a):
            with T.AsBuiltin((a,)):
                return self._builtin_unary(op, a)
        if op == "abs":
            raise GuestError("TypeError", f"bad operand type for abs(): '{a.ob_type.name}'")
        raise GuestError("TypeError", f"bad operand type for unary {op}: '{a.ob_type.name}'")

    # --- protocols -------------------------------------------------------------------------

    def user_truth(self, obj):
        heap = self.heap
        m = T.heap_lookup(self, obj.ob_type, "__bool__")
        if m is not None:
            r = T.call_descr_method(self, m, obj, [])
            try:
                if r is heap.true:
                    return True
                if r is heap.false:
                    return False
                raise GuestError("TypeError", f"__bool__ should return bool, returned "
                                 f"{r.ob_type.name}")
            finally:
                heap.decref(r)
        n = self.user_len_or_none(obj)
        if n is not None:
            return n > 0
        return True

    def user_len_or_none(self, obj):
        heap = self.heap
        m = T.heap_lookup(self, obj.ob_type, "__len__")
        if m is None:
            if T.builtin_based(obj):
                with T.AsBuiltin((obj,)):
                    return self._builtin_len_or_none(obj)
            return None
        r = T.call_descr_method(self, m, obj, [])
        try:
            n = self.index_value(r)
        finally:
            heap.decref(r)
        if n < 0:
            raise GuestError("ValueError", "__len__() should return >= 0")
        if n > 9223372036854775807:
            raise GuestError("OverflowError", "cannot fit 'int' into an index-sized integer")
        return n

    def index_value(self, r):
        """``PyNumber_Index`` then a host int."""
        heap = self.heap
        tp = r.ob_type
        if tp is heap.int_type:
            return r.value
        if tp is heap.bool_type:
            return int(r is heap.true)
        if tp.flags & HEAP:
            m = T.heap_lookup(self, tp, "__index__")
            if m is not None:
                x = T.call_descr_method(self, m, r, [])
                try:
                    if x.ob_type is not heap.int_type and x.ob_type is not heap.bool_type:
                        raise GuestError("TypeError", f"__index__ returned non-int (type "
                                         f"{x.ob_type.name})")
                    return x.value if x.ob_type is heap.int_type else int(x is heap.true)
                finally:
                    heap.decref(x)
        raise GuestError("TypeError", f"'{tp.name}' object cannot be interpreted as an "
                         "integer")

    def user_iter(self, obj):
        heap = self.heap
        tp = obj.ob_type
        m = T.heap_lookup(self, tp, "__iter__")
        if m is not None:
            if m is heap.none:
                raise GuestError("TypeError", f"'{tp.name}' object is not iterable")
            r = T.call_descr_method(self, m, obj, [])
            if not self.is_iterator(r):
                tn = r.ob_type.name
                heap.decref(r)
                raise GuestError("TypeError", f"iter() returned non-iterator of type '{tn}'")
            return r
        if T.builtin_based(obj):
            with T.AsBuiltin((obj,)):
                return self._builtin_iter(obj)
        if T.heap_lookup(self, tp, "__getitem__") is not None:
            it_tp = self.iter_types.get("iterator")
            if it_tp is None:
                it_tp = make_static_type("iterator", 32, 0, TPFLAGS_HAVE_GC,
                                         base=heap.object_type,
                                         dealloc=self.iter_types["list_iterator"].tp_dealloc,
                                         traverse=self.iter_types["list_iterator"].tp_traverse)
                heap.register_static_type(it_tp)
                it_tp.tp_iternext = ProtoSpace.seq_iter_next
                self.iter_types["iterator"] = it_tp
            obj.ob_refcnt += 1
            return itmod.new_iter(heap, it_tp, obj)
        raise GuestError("TypeError", f"'{tp.name}' object is not iterable")

    def is_iterator(self, obj):
        tp = obj.ob_type
        if tp.flags & HEAP:
            return T.heap_lookup(self, tp, "__next__") is not None
        return tp.tp_iternext is not None

    def number_index(self, obj):
        """``PyNumber_Index`` through ``__index__`` of a heap type: a host int, or None when
        the type has none."""
        tp = obj.ob_type
        if tp.flags & HEAP:
            if T.heap_lookup(self, tp, "__index__") is None:
                if T.ext_builtin_base(tp) is self.heap.int_type:
                    return obj.value
                return None
            return self.index_value(obj)
        return None

    def user_next(self, it):
        """``__next__`` of a heap-type iterator: a new reference, None at StopIteration."""
        heap = self.heap
        m = T.heap_lookup(self, it.ob_type, "__next__")
        if m is None:
            if T.builtin_based(it):
                with T.AsBuiltin((it,)):
                    return self._builtin_next(it)
            raise GuestError("TypeError", f"'{it.ob_type.name}' object is not an iterator")
        try:
            return T.call_descr_method(self, m, it, [])
        except GuestError as e:
            if e.kind == "StopIteration":
                return None
            raise
        except GuestException as ge:
            if T.is_subtype(ge.exc.ob_type, self.exc_types["StopIteration"]):
                heap.decref(ge.exc)
                return None
            raise

    def seq_iter_next(self, it):
        """The sequence iterator over ``__getitem__`` (``iter_iternext``)."""
        heap = self.heap
        seq = it.seq
        if seq is None:
            return None
        idx = self.newint(it.index)
        try:
            r = self.getitem(seq, idx)
        except GuestError as e:
            if e.kind in ("IndexError", "StopIteration"):
                it.seq = None
                heap.decref(seq)
                return None
            raise
        except GuestException as ge:
            if T.is_subtype(ge.exc.ob_type, self.exc_types["IndexError"]) or \
                    T.is_subtype(ge.exc.ob_type, self.exc_types["StopIteration"]):
                heap.decref(ge.exc)
                it.seq = None
                heap.decref(seq)
                return None
            raise
        finally:
            heap.decref(idx)
        it.index += 1
        return r

    def user_getitem(self, obj, key):
        heap = self.heap
        tp = obj.ob_type
        if isinstance(obj, TypeObject):
            meta = obj.ob_type
            if meta.flags & HEAP:
                mg = T.heap_lookup(self, meta, "__getitem__")
                if mg is not None:
                    return T.call_descr_method(self, mg, obj, [key])
            if obj is heap.type_type:
                return generic_alias_new(heap, obj, key)
            m = T.lookup(self, obj, "__class_getitem__")
            if m is not None:
                g = T.descr_get(self, m, None, obj)
                try:
                    return self.call(g, [key], None)
                finally:
                    heap.decref(g)
            raise GuestError("TypeError", f"type '{obj.name}' is not subscriptable")
        m = T.heap_lookup(self, tp, "__getitem__")
        if m is not None:
            return T.call_descr_method(self, m, obj, [key])
        if T.builtin_based(obj):
            if T.ext_builtin_base(tp) is heap.dict_type:
                v = dict_getitem(heap, obj, key)
                if v is not None:
                    v.ob_refcnt += 1
                    return v
                mm = T.heap_lookup(self, tp, "__missing__")
                if mm is not None:
                    return T.call_descr_method(self, mm, obj, [key])
            with T.AsBuiltin((obj,)):
                return self._builtin_getitem(obj, key)
        raise GuestError("TypeError", f"'{tp.name}' object is not subscriptable")

    def user_setitem(self, obj, key, value):
        heap = self.heap
        tp = obj.ob_type
        name = "__setitem__" if value is not None else "__delitem__"
        m = T.heap_lookup(self, tp, name)
        if m is not None:
            heap.decref(T.call_descr_method(self, m, obj, [key] if value is None else
                                            [key, value]))
            return
        if T.builtin_based(obj):
            with T.AsBuiltin((obj,)):
                if value is None:
                    return self._builtin_delitem(obj, key)
                return self._builtin_setitem(obj, key, value)
        if value is None:
            raise GuestError("TypeError", f"'{tp.name}' object doesn't support item deletion")
        raise GuestError("TypeError", f"'{tp.name}' object does not support item assignment")

    def user_contains(self, container, item):
        heap = self.heap
        m = T.heap_lookup(self, container.ob_type, "__contains__")
        if m is not None:
            r = T.call_descr_method(self, m, container, [item])
            try:
                return self.truth(r)
            finally:
                heap.decref(r)
        if T.builtin_based(container):
            with T.AsBuiltin((container,)):
                return self._builtin_contains(container, item)
        return None

    def user_call(self, obj, args, kw):
        m = T.heap_lookup(self, obj.ob_type, "__call__")
        if m is None:
            raise GuestError("TypeError", f"'{obj.ob_type.name}' object is not callable")
        return T.call_descr_method(self, m, obj, args, kw)

    def user_repr(self, obj):
        heap = self.heap
        m = T.heap_lookup(self, obj.ob_type, "__repr__")
        if m is None:
            if self._is_exc(obj):
                return self._builtin_repr_host(obj)
            if T.builtin_based(obj):
                with T.AsBuiltin((obj,)):
                    r = self._builtin_repr_host(obj)
                bb = T.ext_builtin_base(obj.ob_type)
                if bb is heap.set_type or bb is heap.frozenset_type:
                    inner = "" if obj.used == 0 else \
                        (r[len("frozenset("):-1] if bb is heap.frozenset_type else r)
                    return f"{obj.ob_type.name}({inner})"
                return r
            return self.default_repr(obj)
        r = T.call_descr_method(self, m, obj, [])
        try:
            if r.ob_type is not heap.str_type:
                raise GuestError("TypeError", f"__repr__ returned non-string (type "
                                 f"{r.ob_type.name})")
            return r.value
        finally:
            heap.decref(r)

    def user_str(self, obj):
        heap = self.heap
        m = T.heap_lookup(self, obj.ob_type, "__str__")
        if m is None:
            if self._is_exc(obj):
                return self.exc_str(obj)
            if T.builtin_based(obj):
                bb = T.ext_builtin_base(obj.ob_type)
                if T.heap_lookup(self, obj.ob_type, "__repr__") is None and \
                        bb is not heap.set_type and bb is not heap.frozenset_type:
                    with T.AsBuiltin((obj,)):
                        return self._builtin_str_host(obj)
            return self.user_repr(obj)
        r = T.call_descr_method(self, m, obj, [])
        try:
            if r.ob_type is not heap.str_type:
                raise GuestError("TypeError", f"__str__ returned non-string (type "
                                 f"{r.ob_type.name})")
            return r.value
        finally:
            heap.decref(r)

    def _is_exc(self, obj):
        return isinstance(obj, ExcObject)

    def exc_str(self, obj):
        """``BaseException_str`` (KeyError's repr of a single argument)."""
        if is_syntax_error(self, obj):
            return syntax_error_str(self, obj)
        if obj.eg_msg is not None:
            return group_str(self, obj)
        args = obj.args.items
        if len(args) == 0:
            return ""
        if len(args) == 1:
            if T.is_subtype(obj.ob_type, self.exc_types["KeyError"]):
                return self.repr_host(args[0])
            return self.str_host(args[0])
        return self.repr_host(obj.args)

    def default_repr(self, obj):
        tp = obj.ob_type
        if tp.module and tp.module != "builtins":
            return f"<{tp.module}.{tp.qualname} object at {obj.addr:#x}>"
        return f"<{tp.qualname} object at {obj.addr:#x}>"

    def user_format(self, obj, spec):
        heap = self.heap
        m = T.heap_lookup(self, obj.ob_type, "__format__")
        if m is None:
            if T.builtin_based(obj):
                if spec == "":
                    return self.str(obj)
                with T.AsBuiltin((obj,)):
                    return self._builtin_format(obj, spec)
            if spec:
                raise GuestError("TypeError", "unsupported format string passed to "
                                 f"{obj.ob_type.name}.__format__")
            return self.str(obj)
        s = new_str(heap, spec)
        try:
            r = T.call_descr_method(self, m, obj, [s])
        finally:
            heap.decref(s)
        if r.ob_type is not heap.str_type:
            tn = r.ob_type.name
            heap.decref(r)
            raise GuestError("TypeError", f"__format__ must return a str, not {tn}")
        return r


# --- the builtin types' special methods as method descriptors ---------------------------------
# ``int.__add__``, ``super().__getitem__(k)``, ``str.__new__(cls, v)``: the slot wrappers of
# the builtin types, made on demand from the space's own builtin operations (the operands read
# as their builtin base meanwhile).

_NUM = ("int", "float", "complex", "bool")
_BIN_TYPES = {
    "add": _NUM + ("str", "list", "tuple", "bytes"), "sub": _NUM + ("set", "frozenset"),
    "mul": _NUM + ("str", "list", "tuple", "bytes"), "truediv": _NUM, "floordiv": _NUM[:2] + ("bool",),
    "mod": _NUM[:2] + ("bool", "str", "bytes"), "pow": _NUM, "lshift": ("int", "bool"),
    "rshift": ("int", "bool"), "and": ("int", "bool", "set", "frozenset"),
    "or": ("int", "bool", "set", "frozenset", "dict"), "xor": ("int", "bool", "set", "frozenset"),
}
_CONTAINERS = ("str", "list", "tuple", "dict", "set", "frozenset", "bytes", "range")
_NEW_TYPES = ("int", "float", "complex", "str", "bytes", "tuple", "set", "frozenset", "list",
              "dict")


_RANK = {"bool": 0, "int": 0, "float": 1, "complex": 2}


def _base_name(obj):
    tp = obj.ob_type
    if tp.flags & HEAP:
        bb = T.ext_builtin_base(tp)
        return bb.name if bb is not None else "object"     # a static type's name
    return tp.name


def _accepts_operand(sp, tpname, other, op):
    """Whether the builtin type's own slot handles ``other`` (else NotImplemented)."""
    on = _base_name(other)
    if tpname in _RANK:
        return on in _RANK and _RANK[on] <= _RANK[tpname]
    if op in ("*", "*=") and tpname in ("str", "list", "tuple", "bytes"):
        return on in ("int", "bool")
    if op in ("%",) and tpname in ("str", "bytes"):
        return True
    if tpname in ("set", "frozenset"):
        return on in ("set", "frozenset")
    return on == tpname


def _unbound_check(sp, tp, name, obj):
    if not T.is_subtype(obj.ob_type, tp):
        raise GuestError("TypeError", f"descriptor '{name}' requires a '{tp.name}' object but "
                         f"received a '{obj.ob_type.name}'")


def builtin_slot(sp, tp, name):
    """A host method ``fn(sp, self, args, kw)`` for the special method ``name`` of the static
    (builtin) type ``tp``, or None."""
    if name[:2] != "__" or name[-2:] != "__":
        return None
    # tp is a static type (heap types never get here: their dict is looked up instead), and
    # static type names are unique, so the tables above can name the builtin types.
    tpname = tp.name
    stem = name[2:-2]
    rev = False
    if stem[:1] == "r" and stem[1:] in _BIN_TYPES:
        rev, stem = True, stem[1:]
    if stem[:1] == "i" and stem[1:] in _BIN_TYPES and tpname in ("list", "set", "dict"):
        op = {v: k for k, v in BIN_NAMES.items()}[stem[1:]] + "="
        if tpname == "list" and stem[1:] not in ("add", "mul"):
            return None

        def inplace(sp, self, args, kw, _op=op):
            _unbound_check(sp, tp, name, self)
            with T.AsBuiltin((self,)):
                try:
                    return sp._builtin_binop(_op, self, args[0])
                except GuestError as e:
                    if e.kind == "TypeError" and "unsupported operand" in (e.message or ""):
                        return sp._incref(sp.heap.not_implemented)
                    raise
        return inplace
    if stem in _BIN_TYPES and tpname in _BIN_TYPES[stem]:
        op = {v: k for k, v in BIN_NAMES.items()}[stem]

        def binop(sp, self, args, kw, _op=op, _rev=rev):
            _unbound_check(sp, tp, name, self)
            other = args[0]
            if not _accepts_operand(sp, tpname, other, _op):
                return sp._incref(sp.heap.not_implemented)
            a, b = (other, self) if _rev else (self, other)
            with T.AsBuiltin((a, b)):
                try:
                    return sp._builtin_binop(_op, a, b)
                except GuestError as e:
                    if e.kind == "TypeError" and ("unsupported operand" in (e.message or "")
                                                  or "can only concatenate" in (e.message or "")
                                                  or "can't multiply" in (e.message or "")):
                        return sp._incref(sp.heap.not_implemented)
                    raise
        return binop
    if name in ("__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__") and tpname != "object":
        op = {"__eq__": "==", "__ne__": "!=", "__lt__": "<", "__le__": "<=", "__gt__": ">",
              "__ge__": ">="}[name]

        def cmp(sp, self, args, kw, _op=op):
            _unbound_check(sp, tp, name, self)
            with T.AsBuiltin((self, args[0])):
                try:
                    return sp._builtin_compare(_op, self, args[0])
                except GuestError as e:
                    if e.kind == "TypeError":
                        return sp._incref(sp.heap.not_implemented)
                    raise
        return cmp
    if name in ("__repr__", "__str__") and tpname != "object":
        def rep(sp, self, args, kw, _n=name):
            with T.AsBuiltin((self,)):
                if _n == "__repr__":
                    return new_str(sp.heap, sp._builtin_repr_host(self))
                return new_str(sp.heap, sp._builtin_str_host(self))
        return rep
    if name == "__hash__" and tpname in ("int", "float", "complex", "str", "bytes", "tuple",
                                         "frozenset", "bool"):
        def h(sp, self, args, kw):
            return sp.newint(self.ob_type.tp_hash(sp.heap, self))
        return h
    if name in ("__neg__", "__pos__", "__invert__", "__abs__") and tpname in _NUM:
        if name == "__invert__" and tpname not in ("int", "bool"):
            return None

        def un(sp, self, args, kw, _n=name):
            with T.AsBuiltin((self,)):
                if _n == "__abs__":
                    v = self.value
                    return sp.wrap(abs(v if not isinstance(v, bool) else int(v)))
                return sp._builtin_unary({"__neg__": "-", "__pos__": "+", "__invert__": "~"}[_n],
                                         self)
        return un
    if name == "__bool__" and tpname in _NUM:
        return lambda sp, self, args, kw: sp.newbool(bool(self.value))
    if name in ("__int__", "__float__") and tpname in ("int", "float", "bool"):
        conv = int if name == "__int__" else float
        return lambda sp, self, args, kw: sp.wrap(conv(self.value))
    if tpname in _CONTAINERS:
        if name == "__len__":
            def ln(sp, self, args, kw):
                with T.AsBuiltin((self,)):
                    return sp.newint(sp._builtin_len_or_none(self))
            return ln
        if name == "__getitem__" and tpname not in ("set", "frozenset"):
            def gi(sp, self, args, kw):
                with T.AsBuiltin((self,)):
                    return sp._builtin_getitem(self, args[0])
            return gi
        if name in ("__setitem__", "__delitem__") and tpname in ("list", "dict"):
            def si(sp, self, args, kw, _n=name):
                with T.AsBuiltin((self,)):
                    if _n == "__setitem__":
                        sp._builtin_setitem(self, args[0], args[1])
                    else:
                        sp._builtin_delitem(self, args[0])
                return sp.none()
            return si
        if name == "__contains__":
            def co(sp, self, args, kw):
                with T.AsBuiltin((self,)):
                    return sp.newbool(sp._builtin_contains(self, args[0]))
            return co
        if name == "__iter__":
            def it(sp, self, args, kw):
                with T.AsBuiltin((self,)):
                    return sp._builtin_iter(self)
            return it
    if name == "__new__" and tpname in _NEW_TYPES:
        def new(sp, cls, args, kw):
            if not isinstance(cls, TypeObject):
                raise GuestError("TypeError", f"{tpname}.__new__(X): X is not a type object "
                                 f"({cls.ob_type.name})")
            if not T.is_subtype(cls, tp):
                raise GuestError("TypeError", f"{tpname}.__new__({cls.name}): {cls.name} is not "
                                 f"a subtype of {tpname}")
            if cls.flags & HEAP:
                return T.base_new(sp, cls, list(args), kw, True)
            return sp.call_type(cls, list(args), kw)
        return new
    if name == "__init__" and tpname in ("list", "dict", "set"):
        def init(sp, self, args, kw):
            if self.ob_type.flags & HEAP:
                T.base_init(sp, self, list(args), kw, False)
            return sp.none()
        return init
    return None


def static_method_fn(sp, tp, name):
    """The host function behind ``tp.name`` for a static (builtin) type tp: its method
    table's entry, else a special method made by ``builtin_slot``."""
    table = tp.tp_methods
    fn = table.get(name) if table is not None else None
    if fn is None:
        cache = sp.slot_fns
        key = (tp, name)
        if key in cache:
            return cache[key]
        fn = builtin_slot(sp, tp, name)
        cache[key] = fn
    return fn

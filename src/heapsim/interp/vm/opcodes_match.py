"""Pattern-matching opcodes (``match`` statements), mixed into ``Interpreter``
(vm/ceval.py): MATCH_SEQUENCE, MATCH_MAPPING, MATCH_KEYS, MATCH_CLASS.
"""

from heapsim.base.errors import GuestError
from heapsim.objects.core import TPFLAGS_HEAPTYPE, TypeObject
from heapsim.objects.setobject import set_add_key, set_contains_key, set_new


class MatchOpcodes:
    def _has_base(self, tp, names):
        mro = getattr(tp, "mro", None)
        if mro:
            for t in mro:
                if t.name in names and not (t.flags & TPFLAGS_HEAPTYPE):
                    return True
            return False
        while tp is not None:
            if tp.name in names and not (tp.flags & TPFLAGS_HEAPTYPE):
                return True
            tp = tp.base
        return False

    def _is_subclass(self, t, tp):
        mro = getattr(t, "mro", None)
        if mro:
            return tp in mro
        while t is not None:
            if t is tp:
                return True
            t = t.base
        return False

    def MATCH_SEQUENCE(self, f, ins):
        f.stack.append(self.sp.newbool(self._has_base(f.stack[-1].ob_type, _SEQUENCE_TYPES)))

    def MATCH_MAPPING(self, f, ins):
        f.stack.append(self.sp.newbool(self._has_base(f.stack[-1].ob_type, ("dict",))))

    def MATCH_KEYS(self, f, ins):
        heap = self.heap
        sp = self.sp
        st = f.stack
        keys = st[-1]
        subject = st[-2]
        if not keys.items:
            st.append(sp.newtuple([]))
            return
        get = sp.getattr(subject, "get")
        seen = set_new(heap)
        dummy = sp.call(heap.object_type, [], None)
        values = []
        ok = True
        try:
            for k in keys.items:
                if set_contains_key(heap, seen, k):
                    raise GuestError("ValueError", "mapping pattern checks duplicate key "
                                     f"({sp.repr_host(k)})")
                set_add_key(heap, seen, k)
                v = sp.call(get, [k, dummy], None)
                if v is dummy:
                    heap.decref(v)
                    ok = False
                    break
                values.append(v)
        except BaseException:
            for v in values:
                heap.decref(v)
            raise
        finally:
            heap.decref(dummy)
            heap.decref(seen)
            heap.decref(get)
        if not ok:
            for v in values:
                heap.decref(v)
            st.append(sp.none())
            return
        st.append(sp.newtuple(values))

    def MATCH_CLASS(self, f, ins):
        heap = self.heap
        st = f.stack
        names = st.pop()
        tp = st.pop()
        subject = st[-1]
        try:
            attrs = self._match_class(subject, tp, ins.arg, names)
        finally:
            heap.decref(names)
            heap.decref(tp)
        st[-1] = attrs if attrs is not None else self.sp.none()
        heap.decref(subject)

    def _match_class(self, subject, tp, nargs, names):
        heap = self.heap
        sp = self.sp
        if not isinstance(tp, TypeObject):
            raise GuestError("TypeError", "called match pattern must be a type")
        if not self._is_subclass(subject.ob_type, tp):
            return None
        match_self = self._has_base(tp, _MATCH_SELF_TYPES)
        seen = set()
        attrs = []
        try:
            if nargs:
                try:
                    match_args = sp.getattr(tp, "__match_args__")
                except GuestError as err:
                    if err.kind != "AttributeError":
                        raise
                    match_args = None
                if match_args is not None:
                    if match_args.ob_type is not heap.tuple_type:
                        heap.decref(match_args)
                        raise GuestError("TypeError", f"{tp.name}.__match_args__ must be a "
                                         f"tuple (got {match_args.ob_type.name})")
                    allowed = len(match_args.items)
                    match_self = False
                    margs = list(match_args.items)
                    heap.decref(match_args)
                else:
                    allowed = 1 if match_self else 0
                    margs = []
                if allowed < nargs:
                    raise GuestError("TypeError", f"{tp.name}() accepts {allowed} positional "
                                     f"sub-pattern{'' if allowed == 1 else 's'} ({nargs} "
                                     "given)")
                if match_self:
                    subject.ob_refcnt += 1
                    attrs.append(subject)
                else:
                    for j in range(nargs):
                        name = margs[j]
                        if name.ob_type is not heap.str_type:
                            raise GuestError("TypeError", "__match_args__ elements must be "
                                             f"strings (got {name.ob_type.name})")
                        a = self._match_class_attr(subject, tp, name.value, seen)
                        if a is None:
                            return None
                        attrs.append(a)
            for name in names.items:
                a = self._match_class_attr(subject, tp, name.value, seen)
                if a is None:
                    return None
                attrs.append(a)
        except BaseException:
            for a in attrs:
                heap.decref(a)
            raise
        res = sp.newtuple(attrs)
        attrs = []
        return res

    def _match_class_attr(self, subject, tp, name, seen):
        if name in seen:
            raise GuestError("TypeError", f"{tp.name}() got multiple sub-patterns for "
                             f"attribute '{name}'")
        seen.add(name)
        try:
            return self.sp.getattr(subject, name)
        except GuestError as err:
            if err.kind == "AttributeError":
                return None
            raise


_SEQUENCE_TYPES = ("list", "tuple", "range", "memoryview", "deque", "array")
_MATCH_SELF_TYPES = ("bool", "bytearray", "bytes", "dict", "float", "frozenset", "int", "list",
                     "set", "str", "tuple")

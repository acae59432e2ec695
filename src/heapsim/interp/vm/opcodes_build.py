"""Building and unpacking opcodes, mixed into ``Interpreter`` (vm/ceval.py): BUILD_*,
LIST_APPEND/SET_ADD/MAP_ADD of comprehensions, the *_EXTEND/*_UPDATE/DICT_MERGE of starred
displays and calls, f-string pieces, UNPACK_SEQUENCE/UNPACK_EX.  The handlers follow
ceval.py's contract (``self`` the Interpreter, ``f`` the frame, ``ins`` the instruction).
"""

from heapsim.base.errors import GuestError
from heapsim.interp.methods.strformat import ascii_of
from heapsim.interp.vm.call import function_str
from heapsim.objects.dictobject import (
    dict_contains, dict_items, dict_merge, dict_new_presized, dict_setitem,
)
from heapsim.objects.listobject import list_append_steal, list_extend, list_extend_from_iterable
from heapsim.objects.setobject import set_add_key, set_new
from heapsim.objects.tupleobject import tuple_from_list
from heapsim.objects.unicodeobject import new_str


class BuildOpcodes:
    def _popn(self, f, n):
        st = f.stack
        if n == 0:
            return []
        items = st[-n:]
        del st[-n:]
        return items

    def BUILD_TUPLE(self, f, ins):
        f.stack.append(self.sp.newtuple(self._popn(f, ins.arg)))

    def BUILD_LIST(self, f, ins):
        f.stack.append(self.sp.newlist(self._popn(f, ins.arg)))

    def BUILD_SET(self, f, ins):
        heap = self.heap
        items = self._popn(f, ins.arg)
        s = set_new(heap)
        try:
            for x in items:
                set_add_key(heap, s, x)
        except BaseException:
            for x in items:
                heap.decref(x)
            heap.decref(s)          # the half-built set goes after the items
            raise
        for x in items:
            heap.decref(x)
        f.stack.append(s)

    def BUILD_MAP(self, f, ins):
        heap = self.heap
        items = self._popn(f, 2 * ins.arg)
        d = dict_new_presized(heap, ins.arg, all(
            k.ob_type is heap.str_type for k in items[0::2]))
        try:
            for j in range(0, len(items), 2):
                dict_setitem(heap, d, items[j], items[j + 1])
        except BaseException:
            heap.decref(d)          # _PyDict_FromItems frees the dict, then the stack unwinds
            for x in reversed(items):
                heap.decref(x)
            raise
        for x in reversed(items):
            heap.decref(x)
        f.stack.append(d)

    def BUILD_CONST_KEY_MAP(self, f, ins):
        heap = self.heap
        st = f.stack
        keys = st.pop()
        values = self._popn(f, ins.arg)
        d = dict_new_presized(heap, ins.arg, all(
            k.ob_type is heap.str_type for k in keys.items))
        for k, v in zip(keys.items, values):
            dict_setitem(heap, d, k, v)
        heap.decref(keys)
        for v in reversed(values):
            heap.decref(v)
        st.append(d)

    def LIST_APPEND(self, f, ins):
        v = f.stack.pop()
        list_append_steal(self.heap, f.stack[-ins.arg], v)

    def SET_ADD(self, f, ins):
        v = f.stack.pop()
        try:
            set_add_key(self.heap, f.stack[-ins.arg], v)
        finally:
            self.heap.decref(v)

    def MAP_ADD(self, f, ins):
        st = f.stack
        value = st.pop()
        key = st.pop()
        try:
            dict_setitem(self.heap, st[-ins.arg], key, value)
        finally:
            self.heap.decref(key)
            self.heap.decref(value)

    def LIST_EXTEND(self, f, ins):
        heap = self.heap
        st = f.stack
        iterable = st[-1]
        lst = st[-1 - ins.arg]
        tp = iterable.ob_type
        if tp is heap.list_type or tp is heap.tuple_type:
            list_extend(heap, lst, iterable)
        else:
            try:
                it = self.sp.iter(iterable)
            except GuestError as e:
                if e.kind == "TypeError":
                    raise GuestError("TypeError", f"Value after * must be an iterable, not "
                                     f"{tp.name}") from None
                raise
            try:
                hint = self.sp.len_or_none(iterable)
                list_extend_from_iterable(heap, lst, self._host_iter(it),
                                          8 if hint is None else hint)
            finally:
                heap.decref(it)
        st.pop()
        heap.decref(iterable)

    def _host_iter(self, it):
        while True:
            x = self.sp.next(it)
            if x is None:
                return
            yield x

    def SET_UPDATE(self, f, ins):
        heap = self.heap
        st = f.stack
        iterable = st.pop()
        s = st[-ins.arg]
        try:
            for x in self.sp.iterate(iterable):
                try:
                    set_add_key(heap, s, x)
                finally:
                    heap.decref(x)
        finally:
            heap.decref(iterable)

    def DICT_UPDATE(self, f, ins):
        heap = self.heap
        st = f.stack
        update = st.pop()
        try:
            if update.ob_type is not heap.dict_type:
                raise GuestError("TypeError", f"'{update.ob_type.name}' object is not a "
                                 "mapping")
            dict_merge(heap, st[-ins.arg], update)
        finally:
            heap.decref(update)

    def DICT_MERGE(self, f, ins):
        heap = self.heap
        st = f.stack
        update = st.pop()
        try:
            d = st[-ins.arg]
            if update.ob_type is not heap.dict_type:
                raise GuestError("TypeError", f"{function_str(self.sp, st[-ins.arg - 2])} "
                                 f"argument after ** must be a mapping, not "
                                 f"{update.ob_type.name}")
            for k, v in dict_items(update):
                if dict_contains(heap, d, k):
                    raise GuestError("TypeError", f"{function_str(self.sp, st[-ins.arg - 2])} "
                                     f"got multiple values for keyword argument "
                                     f"'{self.sp.str_host(k)}'")
                dict_setitem(heap, d, k, v)
        finally:
            heap.decref(update)

    def LIST_TO_TUPLE(self, f, ins):
        st = f.stack
        lst = st[-1]
        st[-1] = tuple_from_list(self.heap, lst)
        self.heap.decref(lst)

    def FORMAT_VALUE(self, f, ins):
        heap = self.heap
        sp = self.sp
        st = f.stack
        flags = ins.arg
        spec = st.pop() if flags & 0x04 else None
        value = st.pop()
        conv = flags & 0x03
        try:
            if conv == 1:
                nv = sp.str(value)
            elif conv == 2:
                nv = sp.repr(value)
            elif conv == 3:
                nv = ascii_of(sp, value)
            else:
                nv = value
                nv.ob_refcnt += 1
        finally:
            heap.decref(value)
        try:
            if spec is None and nv.ob_type is heap.str_type:
                res = nv
                nv.ob_refcnt += 1
            else:
                res = sp.format(nv, spec.value if spec is not None else "")
        finally:
            heap.decref(nv)
            heap.xdecref(spec)
        st.append(res)

    def BUILD_STRING(self, f, ins):
        heap = self.heap
        items = self._popn(f, ins.arg)
        if len(items) == 1 and items[0].ob_type is heap.str_type:
            res = items[0]
            res.ob_refcnt += 1
        else:
            res = new_str(heap, "".join(x.value for x in items))
        for x in reversed(items):
            heap.decref(x)
        f.stack.append(res)

    def UNPACK_SEQUENCE(self, f, ins):
        heap = self.heap
        st = f.stack
        seq = st[-1]
        n = ins.arg
        tp = seq.ob_type
        if tp is heap.tuple_type or tp is heap.list_type:
            items = list(seq.items)
            if len(items) != n:
                if len(items) < n:
                    raise GuestError("ValueError", f"not enough values to unpack (expected "
                                     f"{n}, got {len(items)})")
                raise GuestError("ValueError", f"too many values to unpack (expected {n})")
            for o in items:
                o.ob_refcnt += 1
        else:
            items = []
            it = self.sp.iter(seq)
            try:
                while True:
                    x = self.sp.next(it)
                    if x is None:
                        break
                    items.append(x)
                    if len(items) > n:
                        for o in items:
                            heap.decref(o)
                        raise GuestError("ValueError",
                                         f"too many values to unpack (expected {n})")
            finally:
                heap.decref(it)
            if len(items) < n:
                for o in items:
                    heap.decref(o)
                raise GuestError("ValueError", f"not enough values to unpack (expected {n}, "
                                 f"got {len(items)})")
        st.pop()
        st.extend(reversed(items))
        heap.decref(seq)

    def UNPACK_EX(self, f, ins):
        heap = self.heap
        st = f.stack
        seq = st[-1]
        before = ins.arg & 0xFF
        after = ins.arg >> 8
        items = self.sp.collect(seq)
        if len(items) < before + after:
            for o in items:
                heap.decref(o)
            raise GuestError("ValueError", f"not enough values to unpack (expected at least "
                             f"{before + after}, got {len(items)})")
        head = items[:before]
        mid = items[before:len(items) - after]
        tail = items[len(items) - after:]
        lst = self.sp.newlist(mid)
        st.pop()
        st.extend(reversed(head + [lst] + tail))
        heap.decref(seq)

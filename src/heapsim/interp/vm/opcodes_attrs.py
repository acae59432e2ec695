"""Attribute and class-body opcodes, mixed into ``Interpreter`` (see ceval.py).

LOAD_BUILD_CLASS, LOAD_CLASSDEREF, LOAD_ATTR, STORE_ATTR, DELETE_ATTR, LOAD_METHOD: the
handlers follow ceval.py's contract (``self`` is the Interpreter, ``f`` the frame, ``ins`` the
decoded instruction).
"""

from heapsim.base.errors import GuestError
from heapsim.objects.core import TPFLAGS_HEAPTYPE, TypeObject
from heapsim.objects.dictobject import dict_getitem
from heapsim.objects.funcobject import FunctionObject
from heapsim.interp.types import typeobject as T
from heapsim.interp.types.descrobject import register


class AttrOpcodes:
    def LOAD_BUILD_CLASS(self, f, ins):
        heap = self.heap
        key = T.intern_string(heap, "__build_class__")
        try:
            v = dict_getitem(heap, f.builtins, key)
        finally:
            heap.decref(key)
        if v is None:
            # the builtins module was made without the object protocol's names
            register(self.sp, None, f.builtins)
            key = T.intern_string(heap, "__build_class__")
            v = dict_getitem(heap, f.builtins, key)
            heap.decref(key)
        if v is None:
            raise GuestError("NameError", "__build_class__ not found")
        v.ob_refcnt += 1
        f.stack.append(v)

    def LOAD_CLASSDEREF(self, f, ins):
        heap = self.heap
        i = ins.arg
        name = f.dc.localsplus_names[i]
        key = T.intern_string(heap, name)
        try:
            v = dict_getitem(heap, f.locals, key)
        finally:
            heap.decref(key)
        if v is None:
            cell = f.localsplus[i]
            v = cell.ob_ref if cell is not None else None
            if v is None:
                raise GuestError("NameError", f"cannot access free variable '{name}' where "
                                 "it is not associated with a value in enclosing scope")
        v.ob_refcnt += 1
        f.stack.append(v)

    def LOAD_ATTR(self, f, ins):
        st = f.stack
        owner = st[-1]
        res = self.sp.getattr_name(owner, f.code.co_names[ins.arg])
        st[-1] = res
        self.heap.decref(owner)

    def STORE_ATTR(self, f, ins):
        st = f.stack
        owner, v = st[-1], st[-2]
        del st[-2:]
        try:
            self.sp.setattr_name(owner, f.code.co_names[ins.arg], v)
        finally:
            self.heap.decref(v)
            self.heap.decref(owner)

    def DELETE_ATTR(self, f, ins):
        owner = f.stack.pop()
        try:
            self.sp.setattr_name(owner, f.code.co_names[ins.arg], None)
        finally:
            self.heap.decref(owner)

    def LOAD_METHOD(self, f, ins):
        st = f.stack
        obj = st[-1]
        sp = self.sp
        nameobj = f.code.co_names[ins.arg]
        tp = obj.ob_type
        if tp.flags & TPFLAGS_HEAPTYPE:
            if not isinstance(obj, TypeObject) and \
                    T.heap_lookup(sp, tp, "__getattribute__") is None and \
                    T.heap_lookup(sp, tp, "__getattr__") is None:
                descr = T.lookup(sp, tp, nameobj.value)
                if descr is not None and (isinstance(descr, FunctionObject) or
                                          isinstance(descr, T.MethodDescr)):
                    if T._instance_dict_lookup(sp, obj, nameobj) is None:
                        descr.ob_refcnt += 1
                        st[-1] = descr
                        st.append(obj)
                        return
        elif tp is not sp.super_type and tp is not sp.mappingproxy_type and \
                not isinstance(obj, TypeObject):
            descr = sp.lookup_method(obj, nameobj.value)
            if descr is not None:
                descr.ob_refcnt += 1
                st[-1] = descr
                st.append(obj)
                return
        meth = sp.getattr_name(obj, nameobj)
        st[-1] = None
        self.heap.decref(obj)
        st.append(meth)

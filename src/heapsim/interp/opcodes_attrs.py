"""Attribute and class-body opcodes, mixed into ``Interpreter`` (see eval.py).

LOAD_BUILD_CLASS, LOAD_CLASSDEREF, LOAD_ATTR, STORE_ATTR, DELETE_ATTR, LOAD_METHOD: the
handlers follow eval.py's contract (``self`` is the Interpreter, ``f`` the frame, ``ins`` the
decoded instruction).
"""

from heapsim.base.errors import Unsupported


class AttrOpcodes:
    def LOAD_BUILD_CLASS(self, f, ins):
        raise Unsupported("class definitions")

    def LOAD_CLASSDEREF(self, f, ins):
        raise Unsupported("class bodies")

    def LOAD_ATTR(self, f, ins):
        st = f.stack
        owner = st[-1]
        res = self.sp.getattr(owner, f.code.co_names[ins.arg].value)
        st[-1] = res
        self.heap.decref(owner)

    def STORE_ATTR(self, f, ins):
        st = f.stack
        owner, v = st[-1], st[-2]
        del st[-2:]
        try:
            self.sp.setattr(owner, f.code.co_names[ins.arg].value, v)
        finally:
            self.heap.decref(v)
            self.heap.decref(owner)

    def DELETE_ATTR(self, f, ins):
        raise Unsupported("del of an attribute")

    def LOAD_METHOD(self, f, ins):
        st = f.stack
        obj = st[-1]
        name = f.code.co_names[ins.arg].value
        descr = self.sp.lookup_method(obj, name)
        if descr is not None:
            descr.ob_refcnt += 1
            st[-1] = descr
            st.append(obj)
            return
        meth = self.sp.getattr(obj, name)
        st[-1] = None
        self.heap.decref(obj)
        st.append(meth)

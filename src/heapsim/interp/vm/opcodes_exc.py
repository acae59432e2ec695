"""Exception and ``with`` opcodes, mixed into ``Interpreter`` (vm/ceval.py): raising,
the exception-table handlers' PUSH_EXC_INFO/POP_EXCEPT/CHECK_EXC_MATCH/RERAISE, and
BEFORE_WITH/WITH_EXCEPT_START with ``lookup_special``.
"""

from heapsim.base.errors import GuestError, GuestException
from heapsim.interp.modules.bltin_exec import display_value
from heapsim.interp.types import typeobject
from heapsim.interp.types.exceptiongroup import (
    check_except_star_type, exception_group_match, prep_reraise_star,
)
from heapsim.interp.types.exceptions import ExcObject, is_subtype
from heapsim.objects.core import TypeObject


class ExcOpcodes:
    def lookup_special(self, obj, name):
        """``_PyObject_LookupSpecial``: type(obj).name bound to obj (new reference), or None."""
        d = typeobject.lookup(self.sp, obj.ob_type, name)
        if d is None:
            return None
        return typeobject.descr_get(self.sp, d, obj, obj.ob_type)

    def BEFORE_WITH(self, f, ins):
        heap = self.heap
        st = f.stack
        mgr = st[-1]
        enter = self.lookup_special(mgr, "__enter__")
        if enter is None:
            raise GuestError("TypeError", f"'{mgr.ob_type.name}' object does not support the "
                             "context manager protocol")
        try:
            exit = self.lookup_special(mgr, "__exit__")
        except BaseException:
            heap.decref(enter)
            raise
        if exit is None:
            heap.decref(enter)
            raise GuestError("TypeError", f"'{mgr.ob_type.name}' object does not support the "
                             "context manager protocol (missed __exit__ method)")
        st[-1] = exit
        heap.decref(mgr)
        try:
            res = self.sp.call(enter, [], None)
        finally:
            heap.decref(enter)
        st.append(res)

    def WITH_EXCEPT_START(self, f, ins):
        heap = self.heap
        st = f.stack
        val = st[-1]
        exit_func = st[-4]
        tb = val.traceback if val.traceback is not None else heap.none
        st.append(self.sp.call(exit_func, [val.ob_type, val, tb], None))

    def LOAD_ASSERTION_ERROR(self, f, ins):
        tp = self.exc_types["AssertionError"]
        tp.ob_refcnt += 1
        f.stack.append(tp)

    def _instantiate(self, exc):
        """The exception instance for ``raise exc``: takes the reference to exc."""
        heap = self.heap
        if isinstance(exc, TypeObject):
            if is_subtype(exc, self.exc_types["BaseException"]):
                e = self.sp.call(exc, [], None)
                heap.decref(exc)
                return e
        elif isinstance(exc, ExcObject):
            return exc
        heap.decref(exc)
        raise GuestError("TypeError", "exceptions must derive from BaseException")

    def RAISE_VARARGS(self, f, ins):
        heap = self.heap
        st = f.stack
        n = ins.arg
        if n == 0:
            cur = self.exc_info
            if cur is None or cur is heap.none:
                raise GuestError("RuntimeError", "No active exception to reraise")
            cur.ob_refcnt += 1
            raise Reraise(cur)
        cause = st.pop() if n == 2 else None
        exc = st.pop()
        try:
            e = self._instantiate(exc)
        except BaseException:
            heap.xdecref(cause)
            raise
        if cause is not None:
            if cause is heap.none:
                c = None
                heap.decref(cause)
            else:
                c = self._instantiate(cause)
            old = e.cause
            e.cause = c
            e.suppress_context = True
            heap.xdecref(old)
        self.set_context(e)
        raise GuestException(e)

    def PUSH_EXC_INFO(self, f, ins):
        st = f.stack
        value = st[-1]
        cur = self.exc_info
        if cur is not None:
            st[-1] = cur
        else:
            n = self.heap.none
            n.ob_refcnt += 1
            st[-1] = n
        value.ob_refcnt += 1
        st.append(value)
        self.exc_info = value

    def POP_EXCEPT(self, f, ins):
        old = self.exc_info
        v = f.stack.pop()
        self.exc_info = None if v is self.heap.none and False else v
        self.heap.xdecref(old)

    def CHECK_EXC_MATCH(self, f, ins):
        st = f.stack
        right = st.pop()
        left = st[-1]
        r = self.exc_matches(left, right)
        self.heap.decref(right)
        st.append(self.sp.newbool(r))

    def PRINT_EXPR(self, f, ins):
        """An expression statement of ``single`` mode code: ``sys.displayhook(value)``."""
        value = f.stack.pop()
        try:
            display_value(self.sp, value)
        finally:
            self.heap.decref(value)

    def CHECK_EG_MATCH(self, f, ins):
        """``except* T``: [exc, T] -> [exc, None] without a match, else [rest, match] with
        match the exception being handled."""
        heap = self.heap
        st = f.stack
        match_type = st.pop()
        try:
            check_except_star_type(self.sp, match_type)
            exc = st[-1]
            match, rest = exception_group_match(self.sp, exc, match_type)
        finally:
            heap.decref(match_type)
        if match is heap.none:
            heap.decref(rest)
            st.append(match)
            return
        st[-1] = rest
        st.append(match)
        match.ob_refcnt += 1
        old = self.exc_info
        self.exc_info = match
        heap.xdecref(old)
        heap.decref(exc)

    def PREP_RERAISE_STAR(self, f, ins):
        """[orig, list of raised/re-raised] -> what the except* statement raises or None."""
        heap = self.heap
        st = f.stack
        excs = st.pop()
        orig = st.pop()
        try:
            val = prep_reraise_star(self.sp, orig, excs)
        finally:
            heap.decref(excs)
            heap.decref(orig)
        st.append(val)

    def RERAISE(self, f, ins):
        st = f.stack
        val = st.pop()
        if ins.arg:
            lasti = st[-ins.arg]
            f.i = f.dc.offset_to_index.get(lasti.value, f.i)
        raise Reraise(val)


class Reraise(GuestException):
    """A guest exception re-raised (RERAISE, bare ``raise``): no new traceback entry."""

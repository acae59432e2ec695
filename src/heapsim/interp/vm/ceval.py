"""The reference eval loop: frames, one handler per opcode, exception-table unwinding.

Frames are not simulated objects (3.11 keeps ``_PyInterpreterFrame`` in the data stack, not
on the heap); their ``localsplus`` and value stack hold counted references with CPython's
discipline.  A NULL slot is host ``None``.  Handlers touch objects only through the object
space (``self.sp``) and the object model's C-API-shaped functions.

Each handler is a method named exactly like the opcode; it returns None, or the return value
(a new reference) for ``RETURN_VALUE``.  The handlers are the definition of each opcode; they
live here and in the mixins: vm/call.py (calls, frames), vm/opcodes_attrs.py,
vm/opcodes_build.py, vm/opcodes_exc.py, vm/opcodes_match.py.  ``run_frame`` also runs the
fast paths, named specialisations of the handlers listed in vm/specialize.py (off with
``Interpreter(fast_paths=False)``).
"""

import time

from heapsim.base.errors import (
    GuestError, GuestException, LimitExceeded, OutOfMemory, Unsupported,
)
from heapsim.interp.types.decode import BINARY_OP_SYMBOLS, CMP_OPS
from heapsim.interp.types.exceptions import is_subtype, new_exception
from heapsim.interp.types.frameobject import new_frame, traceback_here
from heapsim.interp.types.genobject import COMPLETED, gen_new, send_ex
from heapsim.interp.vm.call import CallOpcodes
from heapsim.interp.vm.opcodes_attrs import AttrOpcodes
from heapsim.interp.vm.opcodes_build import BuildOpcodes
from heapsim.interp.vm.opcodes_exc import ExcOpcodes, Reraise
from heapsim.interp.vm.opcodes_match import MatchOpcodes
from heapsim.interp.vm.specialize import quicken
from heapsim.interp.types.iterobject import seqiter_next
from heapsim.objects.core import TypeObject
from heapsim.objects.cellobject import cell_new
from heapsim.objects.dictobject import (
    dict_contains, dict_delitem, dict_getitem, dict_new, dict_setitem,
)
from heapsim.objects.funcobject import FunctionObject
from heapsim.objects.listobject import list_append_steal
from heapsim.objects.floatobject import float_dealloc, new_float
from heapsim.objects.longobject import int_dealloc, new_int
from heapsim.objects.rangeobject import rangeiter_next
from heapsim.objects.methodobject import MethodObject
from heapsim.objects.tupleobject import tuple_new
from heapsim.objects.unicodeobject import intern_string, new_str


class Interpreter(CallOpcodes, BuildOpcodes, AttrOpcodes, ExcOpcodes, MatchOpcodes):
    def __init__(self, heap, space, max_steps=None, recursion_limit=1000, fast_paths=True):
        self.heap = heap
        self.sp = space
        space.interp = self
        self.exc_types = space.exc_types
        self.steps = 0
        self.max_steps = max_steps
        self.deadline = None       # host time.monotonic() after which the run stops
        self.check_at = max_steps if max_steps is not None else _NEVER
        self.recursion_limit = recursion_limit
        self.depth = 0
        self.exc_info = None
        self.exc_prev = []         # the handled-exception states below (generators' callers)
        self.frame = None
        self.loop_consts = None
        self.fast_paths = fast_paths     # False: no specialisation, only generic handlers
        self.tables_key = _tables_key(type(self), fast_paths)
        self.import_hook = None         # the importer's (vm/importer.py installs these)
        self.import_from_missing = None
        self.import_star = None
        self.error_location = None
        # An attached recorder's line hook (record/recorder.py): ``wrap(dc, handlers)``
        # returns the handlers with line-start instructions reporting first.  Only
        # ``attach_line_hook`` sets it; without one, nothing in the loop looks at it.
        self.line_hook = None

    # --- exceptions ----------------------------------------------------------------------

    def make_exception(self, name, msg=None):
        """A new reference to a new exception of builtin type name with message msg."""
        sp = self.sp
        tp = self.exc_types[name]
        if msg is None:
            args = self.heap.empty_tuple
            args.ob_refcnt += 1
        elif isinstance(msg, str):
            args = sp.newtuple([new_str(self.heap, msg)])
        else:
            msg.ob_refcnt += 1
            args = sp.newtuple([msg])
        e = new_exception(self.heap, tp, args)
        self.heap.decref(args)
        return e

    def materialize(self, err):
        """A GuestError from a lower layer → a GuestException carrying a new exception."""
        key = getattr(err, "key", None)
        name = err.kind if err.kind in self.exc_types else "SystemError"
        if key is not None:
            e = self.make_exception(name, key)
            if getattr(err, "owned", False):
                err.owned = False
                self.heap.decref(key)
        else:
            e = self.make_exception(name, err.message)
        self.set_context(e)
        return GuestException(e)

    def set_timeout(self, seconds):
        self.timeout_seconds = seconds
        self.deadline = time.monotonic() + seconds
        self.check_at = min(self.check_at, self.steps + _TIME_CHECK_EVERY)

    def check_limits(self, entry=False):
        """The step counter passed ``check_at``: the instruction limit, or time to look at
        the clock (every ``_TIME_CHECK_EVERY`` instructions when a timeout is set).  ``entry``:
        the check at a resumed generator's entry, where a wrapper raising a guest exception
        (a KeyboardInterrupt, tools/runner.py) waits for the next one; at a new frame's entry
        such an exception is raised at the call."""
        if self.max_steps is not None and self.steps > self.max_steps:
            raise LimitExceeded("instruction", self.max_steps)
        if self.deadline is not None:
            if time.monotonic() > self.deadline:
                raise LimitExceeded("time", f"{self.timeout_seconds} seconds")
            nxt = self.steps + _TIME_CHECK_EVERY
            self.check_at = nxt if self.max_steps is None else min(nxt, self.max_steps)
        else:
            self.check_at = self.max_steps if self.max_steps is not None else _NEVER

    def memory_error(self):
        """The guest MemoryError for an allocation beyond the heap limit."""
        try:
            e = self.make_exception("MemoryError")
        except OutOfMemory:
            raise LimitExceeded("heap", "the simulated heap (no room even for MemoryError)")
        self.set_context(e)
        return GuestException(e)

    def topmost_exception(self):
        """``_PyErr_GetTopmostException``: the exception being handled (borrowed) or None."""
        none = self.heap.none
        cur = self.exc_info
        if cur is not None and cur is not none:
            return cur
        for cur in reversed(self.exc_prev):
            if cur is not None and cur is not none:
                return cur
        return None

    def is_instance_of(self, e, name):
        return is_subtype(e.ob_type, self.exc_types[name])

    def is_exc_type(self, tp):
        return is_subtype(tp, self.exc_types["BaseException"])

    def is_exc_instance(self, obj):
        return is_subtype(obj.ob_type, self.exc_types["BaseException"])

    def set_context(self, e):
        cur = self.topmost_exception()
        if cur is not None and cur is not e:
            old = e.context
            cur.ob_refcnt += 1
            e.context = cur
            self.heap.xdecref(old)

    def exc_matches(self, exc, match):
        if isinstance(match, TypeObject):
            return is_subtype(exc.ob_type, match)
        if match.ob_type is self.heap.tuple_type:
            return any(self.exc_matches(exc, m) for m in match.items)
        return False

    # --- calls ---------------------------------------------------------------------------

    def traceback_here(self, f, eobj, ins):
        traceback_here(self.heap, f, eobj, ins)

    def code_tables(self, dc):
        """The loop's per-code tables, built once per decoded code and kept on it:
        (key, handler functions, loop codes, operands, instructions).

        The loop codes and operands are ``specialize.quicken``'s (every loop code 0 when
        the fast paths are off).  The key is the interpreter class with the fast-path
        switch, so an interpreter never runs tables made for another setting.  Handlers are
        the class's functions (called with self), so the tables do not hold an
        interpreter."""
        key = self.tables_key
        tabs = dc.handlers
        if tabs is not None and tabs[0] is key:
            return tabs
        cls = type(self)
        instrs = dc.instructions
        hs = []
        for ins in instrs:
            h = getattr(cls, ins.opname, None)
            hs.append(h if h is not None else cls._unsupported_op)
        ops, args = quicken(instrs, self.fast_paths)
        if self.line_hook is not None:
            hs = self.line_hook.wrap(dc, hs)
        tabs = dc.handlers = (key, hs, ops, args, instrs)
        return tabs

    def attach_line_hook(self, hook):
        """Report line starts to ``hook`` (a recorder): from now on every instruction runs
        through its generic handler (the specialisations make the same heap effects, but
        never call a handler, so they could not report), and each code's tables are built
        again with ``hook.wrap`` applied to them."""
        self.line_hook = hook
        self.fast_paths = False
        self.tables_key = (type(self), "line-hook", id(hook))
        self.loop_consts = None

    def handlers_for(self, dc):
        """Bound handlers for every instruction of dc (kept for tools and tests)."""
        return [h.__get__(self) for h in self.code_tables(dc)[1]]

    def _unsupported_op(self, f, ins):
        raise Unsupported(f"opcode {ins.opname}")

    # --- the loop ------------------------------------------------------------------------

    def make_loop_consts(self):
        """What every run of the loop reads from the heap and the space, taken once (the
        heap's dealloc entry point is installed before any guest code runs)."""
        heap = self.heap
        lc = self.loop_consts = (
            heap, heap.dealloc, heap.int_type, heap.float_type, heap.str_type,
            heap.list_type, heap.tuple_type, heap.small_ints, heap.true, heap.false,
            heap.none, heap.range_iterator_type, self.sp.iter_types["list_iterator"],
            self.sp.iter_types["tuple_iterator"], heap.generator_type)
        return lc

    def run_frame(self, f, exc=None):
        """Run f from ``f.i``; with ``exc`` (a GuestException), raise it at the instruction
        f stopped at first (``throwflag``: a generator resumed by throw/close).  A new frame
        (``f.i`` 0) beyond the recursion limit is cleared and RecursionError raised instead.

        The instruction index and the step count live in host locals.  ``f.i`` is stored
        before every handler call (handlers, generators and errors may read it) and read back
        after it (handlers may jump); the specialisations run inline here never need it.
        Steps are added to ``self.steps`` and the limits checked at frame entry and on
        backward jumps (where CPython tests its eval breaker), and the rest when the frame
        stops.

        Each instruction's loop code selects its specialisation (vm/specialize.py, where the
        table names them; the comment on each branch below is its name) or 0, the generic
        handler.  A specialisation whose guard fails falls through to the handler call at
        the end; it makes exactly the heap effects of its handler, through the same
        object-layer functions (a fused compare and branch skips only the bool's
        incref/decref pair, which cancels)."""
        if self.depth >= self.recursion_limit and not f.i:
            # _Py_EnterRecursivePy on entering a new frame (send_ex checks a resumed one)
            self.clear_frame(f)
            raise GuestError("RecursionError", "maximum recursion depth exceeded")
        dc = f.dc
        tabs = dc.handlers
        if tabs is None or tabs[0] is not self.tables_key:
            tabs = self.code_tables(dc)
        _, hs, ops, args, instrs = tabs
        lp = f.localsplus
        st = f.stack
        co = f.code
        consts = co.co_consts
        co_names = co.co_names
        lc = self.loop_consts
        if lc is None:
            lc = self.make_loop_consts()
        (heap, dealloc, int_type, float_type, str_type, list_type, tuple_type, small_ints,
         true, false, none, range_iter_type, list_iter_type, tuple_iter_type, gen_type) = lc
        f.back = self.frame
        self.frame = f
        self.depth += 1
        i = f.i
        steps = 0
        try:
            if self.steps > self.check_at:
                try:
                    self.check_limits(f.i != 0)
                except LimitExceeded:
                    if self.error_location is None:
                        self.error_location = (dc.filename, dc.line_of(i))
                    raise
                except GuestError:      # a new frame's (a KeyboardInterrupt, runner.py)
                    self.clear_frame(f)
                    raise
            if exc is not None:
                ins = instrs[i - 1]
            while True:
                if exc is None:
                    try:
                        while True:
                            op = ops[i]
                            arg = args[i]
                            i += 1
                            steps += 1
                            # a decision tree on the loop code, the most frequent codes
                            # tested first: op < 107 (the generic handler and the low
                            # codes), the hot ones, op > 150 (the call codes), the rest
                            if op < 107:
                                if op < 86:
                                    if op < 25:
                                        if not op:                      # the generic handler
                                            pass
                                        elif op == 1:                   # POP_TOP_INLINE
                                            o = st.pop()
                                            if o is not None:
                                                rc = o.ob_refcnt - 1
                                                o.ob_refcnt = rc
                                                if not rc:
                                                    dealloc(o)
                                            continue
                                        elif op == 2:                   # PUSH_NULL_INLINE
                                            st.append(None)
                                            continue
                                    elif op == 83:                  # RETURN_VALUE_FRAME
                                        f.i = i
                                        r = st.pop()
                                        if not f.suspend:
                                            self.clear_frame(f)
                                        return r
                                    elif op == 25:                  # BINARY_SUBSCR_LIST_TUPLE_INT
                                        sub = st[-1]
                                        container = st[-2]
                                        tp = container.ob_type
                                        if (tp is list_type or tp is tuple_type) \
                                                and sub.ob_type is int_type:
                                            items = container.items
                                            index = sub.value
                                            if index < 0:
                                                index += len(items)
                                            if 0 <= index < len(items):
                                                o = items[index]
                                                o.ob_refcnt += 1
                                                st.pop()
                                                st[-1] = o
                                                rc = container.ob_refcnt - 1
                                                container.ob_refcnt = rc
                                                if not rc:
                                                    dealloc(container)
                                                rc = sub.ob_refcnt - 1
                                                sub.ob_refcnt = rc
                                                if not rc:
                                                    dealloc(sub)
                                                continue
                                    elif op == 60:                  # STORE_SUBSCR_LIST_INT
                                        sub = st[-1]
                                        container = st[-2]
                                        if container.ob_type is list_type \
                                                and sub.ob_type is int_type:
                                            items = container.items
                                            index = sub.value
                                            if index < 0:
                                                index += len(items)
                                            if 0 <= index < len(items):
                                                v = st[-3]
                                                del st[-3:]
                                                v.ob_refcnt += 1
                                                old = items[index]
                                                items[index] = v
                                                rc = old.ob_refcnt - 1
                                                old.ob_refcnt = rc
                                                if not rc:
                                                    tp = old.ob_type
                                                    if tp is float_type:
                                                        float_dealloc(heap, old)
                                                    elif tp is int_type:
                                                        int_dealloc(heap, old)
                                                    else:
                                                        dealloc(old)
                                                v.ob_refcnt -= 1
                                                rc = container.ob_refcnt - 1
                                                container.ob_refcnt = rc
                                                if not rc:
                                                    dealloc(container)
                                                rc = sub.ob_refcnt - 1
                                                sub.ob_refcnt = rc
                                                if not rc:
                                                    dealloc(sub)
                                                continue
                                elif op == 100:                 # LOAD_CONST_INLINE
                                    o = consts[arg]
                                    o.ob_refcnt += 1
                                    st.append(o)
                                    continue
                                elif op == 93:                  # FOR_ITER_*
                                    it = st[-1]
                                    tp = it.ob_type
                                    if tp is range_iter_type:       # FOR_ITER_RANGE
                                        o = rangeiter_next(heap, it)
                                    elif tp is list_iter_type or tp is tuple_iter_type:
                                        o = seqiter_next(heap, it)  # FOR_ITER_LIST, _TUPLE
                                    elif tp is gen_type:            # FOR_ITER_GEN
                                        f.i = i
                                        o = self.gen_next(it)
                                    else:
                                        o = False
                                    if o is None:
                                        st.pop()
                                        rc = it.ob_refcnt - 1
                                        it.ob_refcnt = rc
                                        if not rc:
                                            dealloc(it)
                                        i = arg
                                        continue
                                    if o is not False:
                                        st.append(o)
                                        continue
                                elif op == 99:                  # SWAP_INLINE
                                    st[-1], st[-arg] = st[-arg], st[-1]
                                    continue
                                elif op == 86:                  # YIELD_VALUE_INLINE
                                    f.i = i
                                    f.suspend = True
                                    return st.pop()
                                elif op == 92:                  # UNPACK_SEQUENCE_LIST_TUPLE
                                    seq = st[-1]
                                    tp = seq.ob_type
                                    if tp is tuple_type or tp is list_type:
                                        items = seq.items
                                        if len(items) == arg:
                                            for o in items:
                                                o.ob_refcnt += 1
                                            st.pop()
                                            st.extend(items[::-1])
                                            rc = seq.ob_refcnt - 1
                                            seq.ob_refcnt = rc
                                            if not rc:
                                                dealloc(seq)
                                            continue
                                elif op == 102:                 # BUILD_TUPLE_INLINE
                                    if arg:
                                        items = st[-arg:]
                                        del st[-arg:]
                                        o = tuple_new(heap, arg)
                                        o.items[:] = items
                                    else:
                                        o = tuple_new(heap, 0)
                                    st.append(o)
                                    continue
                            elif op == 122:                 # BINARY_OP_INT_FLOAT
                                rhs = st[-1]
                                lhs = st[-2]
                                ta = lhs.ob_type
                                tb = rhs.ob_type
                                if (ta is int_type or ta is float_type) \
                                        and (tb is int_type or tb is float_type):
                                    try:
                                        r = arg(lhs.value, rhs.value)
                                    except Exception:
                                        r = None
                                    tr = type(r)
                                    if tr is int:
                                        if -5 <= r <= 256:      # new_int's small ints
                                            res = small_ints[r + 5]
                                            res.ob_refcnt += 1
                                        else:
                                            res = new_int(heap, r)
                                    elif tr is float:
                                        res = new_float(heap, r)
                                    else:
                                        res = None
                                    if res is not None:
                                        st.pop()
                                        st[-1] = res
                                        rc = lhs.ob_refcnt - 1
                                        lhs.ob_refcnt = rc
                                        if not rc:
                                            if ta is int_type:
                                                int_dealloc(heap, lhs)
                                            else:
                                                float_dealloc(heap, lhs)
                                        rc = rhs.ob_refcnt - 1
                                        rhs.ob_refcnt = rc
                                        if not rc:
                                            if tb is int_type:
                                                int_dealloc(heap, rhs)
                                            else:
                                                float_dealloc(heap, rhs)
                                        continue
                            elif op > 300:
                                # superinstructions: this instruction and the next one
                                nxt = args[i]
                                if op == 302:                   # LOAD_FAST__LOAD_CONST
                                    o = lp[arg]
                                    if o is not None:
                                        o2 = consts[nxt]
                                        o.ob_refcnt += 1
                                        o2.ob_refcnt += 1
                                        st.append(o)
                                        st.append(o2)
                                        i += 1
                                        steps += 1
                                        continue
                                elif op == 301:                 # LOAD_FAST__LOAD_FAST
                                    o = lp[arg]
                                    o2 = lp[nxt]
                                    if o is not None and o2 is not None:
                                        o.ob_refcnt += 1
                                        o2.ob_refcnt += 1
                                        st.append(o)
                                        st.append(o2)
                                        i += 1
                                        steps += 1
                                        continue
                                elif op == 304:                 # LOAD_CONST__LOAD_FAST
                                    o2 = lp[nxt]
                                    o = consts[arg]
                                    o.ob_refcnt += 1
                                    st.append(o)
                                    if o2 is not None:
                                        o2.ob_refcnt += 1
                                        st.append(o2)
                                        i += 1
                                        steps += 1
                                    continue
                            elif op == 299 or op == 125:
                                # STORE_FAST_SCALAR, STORE_FAST__LOAD_FAST
                                old = lp[arg]
                                lp[arg] = st.pop()
                                if old is not None:
                                    rc = old.ob_refcnt - 1
                                    old.ob_refcnt = rc
                                    if not rc:
                                        tp = old.ob_type
                                        if tp is float_type:
                                            float_dealloc(heap, old)
                                        elif tp is int_type:
                                            int_dealloc(heap, old)
                                        else:
                                            dealloc(old)
                                if op == 299:
                                    o = lp[args[i]]
                                    if o is not None:
                                        o.ob_refcnt += 1
                                        st.append(o)
                                        i += 1
                                        steps += 1
                                continue
                            elif op == 124:                 # LOAD_FAST_CHECKED
                                o = lp[arg]
                                if o is not None:
                                    o.ob_refcnt += 1
                                    st.append(o)
                                    continue
                            elif op == 300 or op == 107:
                                # COMPARE_OP_NUM_STR, COMPARE_OP_NUM_STR_JUMP
                                right = st[-1]
                                left = st[-2]
                                ta = left.ob_type
                                tb = right.ob_type
                                if ((ta is int_type or ta is float_type)
                                        and (tb is int_type or tb is float_type)) \
                                        or (ta is str_type and tb is str_type):
                                    r = arg(left.value, right.value)
                                    del st[-2:]
                                    rc = left.ob_refcnt - 1
                                    left.ob_refcnt = rc
                                    if not rc:
                                        dealloc(left)
                                    rc = right.ob_refcnt - 1
                                    right.ob_refcnt = rc
                                    if not rc:
                                        dealloc(right)
                                    if op == 300:
                                        # the jump after it (POP_JUMP_IF_*_BOOL's code)
                                        steps += 1
                                        if (not r) is (ops[i] == 114):
                                            t = args[i]
                                            if t < i:
                                                self.steps += steps
                                                steps = 0
                                                if self.steps > self.check_at:
                                                    self.check_limits()
                                            i = t
                                        else:
                                            i += 1
                                        continue
                                    res = true if r else false
                                    res.ob_refcnt += 1
                                    st.append(res)
                                    continue
                            elif op > 150:
                                if op == 166:                   # PRECALL_NO_METHOD
                                    if st[-arg - 2] is not None \
                                            or not isinstance(st[-arg - 1], MethodObject):
                                        continue
                                elif op == 171:
                                    # CALL_PY_EXACT_ARGS, CALL_PY_WITH_DEFAULTS
                                    if f.kwnames is None:
                                        fn = st[-arg - 2]
                                        if fn is None:
                                            fn = st[-arg - 1]
                                            nargs = arg
                                        else:
                                            nargs = arg + 1
                                        if fn.__class__ is FunctionObject:
                                            fco = fn.func_code
                                            fdc = fco.decoded
                                            missing = fdc.argcount - nargs
                                            if not fdc.flags & 0x0C and not fdc.kwonlyargcount \
                                                    and (not missing or (
                                                        missing > 0
                                                        and fn.func_defaults is not None and
                                                        len(fn.func_defaults.items) >= missing)):
                                                if nargs:
                                                    a = st[-nargs:]
                                                else:
                                                    a = []
                                                del st[-arg - 2:]
                                                f.i = i
                                                # initialize_locals of positional arguments
                                                # (the missing ones from the defaults)
                                                if missing:
                                                    d = fn.func_defaults.items
                                                    for o in d[len(d) - missing:]:
                                                        o.ob_refcnt += 1
                                                        a.append(o)
                                                st.append(self.run_frame(new_frame(fn, a)))
                                                continue
                                elif op == 151:                 # RESUME_INLINE
                                    continue
                            else:
                                if op == 140:                   # JUMP_BACKWARD_INLINE
                                    self.steps += steps
                                    steps = 0
                                    if self.steps > self.check_at:
                                        self.check_limits()
                                    i = arg
                                    continue
                                elif op == 116:                 # LOAD_GLOBAL_BOUND
                                    key = co_names[arg >> 1]
                                    o = dict_getitem(heap, f.globals, key)
                                    if o is None:
                                        o = dict_getitem(heap, f.builtins, key)
                                    if o is not None:
                                        if arg & 1:
                                            st.append(None)
                                        o.ob_refcnt += 1
                                        st.append(o)
                                        continue
                                elif op == 120:                 # COPY_INLINE
                                    o = st[-arg]
                                    o.ob_refcnt += 1
                                    st.append(o)
                                    continue
                                elif op == 114 or op == 115:
                                    # POP_JUMP_IF_FALSE_BOOL, POP_JUMP_IF_TRUE_BOOL,
                                    # POP_JUMP_IF_FALSE_INT, POP_JUMP_IF_TRUE_INT
                                    cond = st[-1]
                                    if cond is true or cond is false:
                                        st.pop()
                                        cond.ob_refcnt -= 1
                                        r = cond is false
                                    elif cond.ob_type is int_type:
                                        # false when zero (the handler's space.truth)
                                        st.pop()
                                        r = not cond.value
                                        rc = cond.ob_refcnt - 1
                                        cond.ob_refcnt = rc
                                        if not rc:
                                            int_dealloc(heap, cond)
                                    else:
                                        r = None
                                    if r is not None:       # r: the condition is false
                                        if r is (op == 114):
                                            if arg < i:
                                                self.steps += steps
                                                steps = 0
                                                if self.steps > self.check_at:
                                                    self.check_limits()
                                            i = arg
                                        continue
                                elif op == 137:                 # LOAD_DEREF_BOUND
                                    o = lp[arg].ob_ref
                                    if o is not None:
                                        o.ob_refcnt += 1
                                        st.append(o)
                                        continue
                                elif op == 110:                 # JUMP_FORWARD_INLINE
                                    i = arg
                                    continue
                                elif op == 149:                 # COPY_FREE_VARS_INLINE
                                    closure = f.func.func_closure.items
                                    off = len(lp) - arg
                                    for j in range(arg):
                                        o = closure[j]
                                        o.ob_refcnt += 1
                                        lp[off + j] = o
                                    continue
                                elif op == 145:                 # LIST_APPEND_INLINE
                                    o = st.pop()
                                    list_append_steal(heap, st[-arg], o)
                                    continue
                                elif op == 129 or op == 128:
                                    # POP_JUMP_IF_NONE_INLINE, POP_JUMP_IF_NOT_NONE_INLINE
                                    o = st.pop()
                                    is_none = o is none
                                    rc = o.ob_refcnt - 1
                                    o.ob_refcnt = rc
                                    if not rc:
                                        dealloc(o)
                                    if is_none is (op == 129):
                                        if arg < i:
                                            self.steps += steps
                                            steps = 0
                                            if self.steps > self.check_at:
                                                self.check_limits()
                                        i = arg
                                    continue
                                elif op == 138:                 # STORE_DEREF_INLINE
                                    cell = lp[arg]
                                    old = cell.ob_ref
                                    cell.ob_ref = st.pop()
                                    if old is not None:
                                        rc = old.ob_refcnt - 1
                                        old.ob_refcnt = rc
                                        if not rc:
                                            dealloc(old)
                                    continue
                                elif op == 117:                 # IS_OP_INLINE
                                    right = st.pop()
                                    left = st[-1]
                                    o = true if (left is right) ^ (arg == 1) else false
                                    o.ob_refcnt += 1
                                    st[-1] = o
                                    rc = left.ob_refcnt - 1
                                    left.ob_refcnt = rc
                                    if not rc:
                                        dealloc(left)
                                    rc = right.ob_refcnt - 1
                                    right.ob_refcnt = rc
                                    if not rc:
                                        dealloc(right)
                                    continue
                                elif op == 141:                 # EVAL_BREAKER (fast paths off)
                                    self.steps += steps
                                    steps = 0
                                    if self.steps > self.check_at:
                                        self.check_limits()
                            f.i = i
                            r = hs[i - 1](self, f, instrs[i - 1])
                            if r is not None:
                                if not f.suspend:
                                    self.clear_frame(f)
                                return r
                            i = f.i
                    except GuestError as err:
                        ins = f.ins = instrs[i - 1]
                        exc = self.materialize(err)
                    except GuestException as ge:
                        ins = f.ins = instrs[i - 1]
                        exc = ge
                    except OutOfMemory:
                        ins = f.ins = instrs[i - 1]
                        exc = self.memory_error()
                    except Unsupported as u:
                        ins = f.ins = instrs[i - 1]
                        raise u.located(dc.filename, dc.line_of(ins.index))
                    except Exception:
                        ins = f.ins = instrs[i - 1]
                        if self.error_location is None:
                            self.error_location = (dc.filename, dc.line_of(ins.index))
                        raise
                eobj = exc.exc
                if not isinstance(exc, Reraise):
                    self.traceback_here(f, eobj, ins)
                exc = None
                entry = dc.exception_handler(ins.index)
                if entry is None:
                    self.clear_frame(f)
                    raise GuestException(eobj)
                while len(st) > entry.depth:
                    heap.xdecref(st.pop())
                if entry.lasti:
                    st.append(new_int(heap, ins.offset))
                st.append(eobj)
                i = f.i = entry.target
        finally:
            self.steps += steps
            self.depth -= 1
            self.frame = f.back

    # --- helpers -----------------------------------------------------------------------

    def _name(self, f, ins):
        return f.code.co_names[ins.arg]

    def _lookup_global(self, f, key):
        heap = self.heap
        v = dict_getitem(heap, f.globals, key)
        if v is None:
            v = dict_getitem(heap, f.builtins, key)
        return v

    def _jump(self, f, ins):
        f.i = ins.target

    # --- opcodes: stack and constants ----------------------------------------------------

    def NOP(self, f, ins):
        pass

    RESUME = NOP
    EXTENDED_ARG = NOP
    CACHE = NOP

    def POP_TOP(self, f, ins):
        self.heap.xdecref(f.stack.pop())

    def PUSH_NULL(self, f, ins):
        f.stack.append(None)

    def COPY(self, f, ins):
        o = f.stack[-ins.arg]
        o.ob_refcnt += 1
        f.stack.append(o)

    def SWAP(self, f, ins):
        st = f.stack
        n = ins.arg
        st[-1], st[-n] = st[-n], st[-1]

    def LOAD_CONST(self, f, ins):
        o = f.code.co_consts[ins.arg]
        o.ob_refcnt += 1
        f.stack.append(o)

    def RETURN_VALUE(self, f, ins):
        return f.stack.pop()

    # --- locals, cells, globals ----------------------------------------------------------

    def LOAD_FAST(self, f, ins):
        o = f.localsplus[ins.arg]
        if o is None:
            raise GuestError("UnboundLocalError", f"cannot access local variable "
                             f"'{f.dc.localsplus_names[ins.arg]}' where it is not associated "
                             "with a value")
        o.ob_refcnt += 1
        f.stack.append(o)

    def STORE_FAST(self, f, ins):
        v = f.stack.pop()
        lp = f.localsplus
        old = lp[ins.arg]
        lp[ins.arg] = v
        if old is not None:
            self.heap.decref(old)

    def DELETE_FAST(self, f, ins):
        lp = f.localsplus
        old = lp[ins.arg]
        if old is None:
            raise GuestError("UnboundLocalError", f"cannot access local variable "
                             f"'{f.dc.localsplus_names[ins.arg]}' where it is not associated "
                             "with a value")
        lp[ins.arg] = None
        self.heap.decref(old)

    def MAKE_CELL(self, f, ins):
        lp = f.localsplus
        initial = lp[ins.arg]
        cell = cell_new(self.heap, initial)
        lp[ins.arg] = cell
        self.heap.xdecref(initial)

    def COPY_FREE_VARS(self, f, ins):
        closure = f.func.func_closure.items
        lp = f.localsplus
        off = len(lp) - ins.arg
        for j in range(ins.arg):
            o = closure[j]
            o.ob_refcnt += 1
            lp[off + j] = o

    def LOAD_CLOSURE(self, f, ins):
        o = f.localsplus[ins.arg]
        o.ob_refcnt += 1
        f.stack.append(o)

    def _deref_error(self, f, ins):
        name = f.dc.localsplus_names[ins.arg]
        if ins.arg < f.dc.nlocals:
            raise GuestError("UnboundLocalError", f"cannot access local variable '{name}' "
                             "where it is not associated with a value")
        raise GuestError("NameError", f"cannot access free variable '{name}' where it is not "
                         "associated with a value in enclosing scope")

    def LOAD_DEREF(self, f, ins):
        cell = f.localsplus[ins.arg]
        o = cell.ob_ref
        if o is None:
            self._deref_error(f, ins)
        o.ob_refcnt += 1
        f.stack.append(o)

    def STORE_DEREF(self, f, ins):
        v = f.stack.pop()
        cell = f.localsplus[ins.arg]
        old = cell.ob_ref
        cell.ob_ref = v
        self.heap.xdecref(old)

    def DELETE_DEREF(self, f, ins):
        cell = f.localsplus[ins.arg]
        old = cell.ob_ref
        if old is None:
            self._deref_error(f, ins)
        cell.ob_ref = None
        self.heap.decref(old)

    def LOAD_GLOBAL(self, f, ins):
        key = f.code.co_names[ins.arg >> 1]
        v = self._lookup_global(f, key)
        if v is None:
            raise GuestError("NameError", f"name '{key.value}' is not defined")
        if ins.arg & 1:
            f.stack.append(None)
        v.ob_refcnt += 1
        f.stack.append(v)

    def STORE_GLOBAL(self, f, ins):
        v = f.stack.pop()
        dict_setitem(self.heap, f.globals, self._name(f, ins), v)
        self.heap.decref(v)

    def DELETE_GLOBAL(self, f, ins):
        key = self._name(f, ins)
        if not dict_contains(self.heap, f.globals, key):
            raise GuestError("NameError", f"name '{key.value}' is not defined")
        dict_delitem(self.heap, f.globals, key)

    def LOAD_NAME(self, f, ins):
        key = self._name(f, ins)
        heap = self.heap
        v = dict_getitem(heap, f.locals, key)
        if v is None:
            v = self._lookup_global(f, key)
        if v is None:
            raise GuestError("NameError", f"name '{key.value}' is not defined")
        v.ob_refcnt += 1
        f.stack.append(v)

    def STORE_NAME(self, f, ins):
        v = f.stack.pop()
        dict_setitem(self.heap, f.locals, self._name(f, ins), v)
        self.heap.decref(v)

    def DELETE_NAME(self, f, ins):
        key = self._name(f, ins)
        if not dict_contains(self.heap, f.locals, key):
            raise GuestError("NameError", f"name '{key.value}' is not defined")
        dict_delitem(self.heap, f.locals, key)

    def SETUP_ANNOTATIONS(self, f, ins):
        heap = self.heap
        key = intern_string(heap, "__annotations__")
        if not dict_contains(heap, f.locals, key):
            d = dict_new(heap)
            dict_setitem(heap, f.locals, key, d)
            heap.decref(d)
        heap.decref(key)

    # --- operators -------------------------------------------------------------------

    def BINARY_OP(self, f, ins):
        st = f.stack
        rhs = st[-1]
        lhs = st[-2]
        res = self.sp.binary_op(BINARY_OP_SYMBOLS[ins.arg], lhs, rhs)
        st.pop()
        st[-1] = res
        self.heap.decref(lhs)
        self.heap.decref(rhs)

    def _unary(self, f, op):
        st = f.stack
        v = st[-1]
        res = self.sp.unary(op, v)
        st[-1] = res
        self.heap.decref(v)

    def UNARY_NEGATIVE(self, f, ins):
        self._unary(f, "-")

    def UNARY_POSITIVE(self, f, ins):
        self._unary(f, "+")

    def UNARY_INVERT(self, f, ins):
        self._unary(f, "~")

    def UNARY_NOT(self, f, ins):
        self._unary(f, "not")

    def COMPARE_OP(self, f, ins):
        st = f.stack
        right = st[-1]
        left = st[-2]
        res = self.sp.compare(CMP_OPS[ins.arg], left, right)
        st.pop()
        st[-1] = res
        self.heap.decref(left)
        self.heap.decref(right)

    def IS_OP(self, f, ins):
        st = f.stack
        right = st.pop()
        left = st[-1]
        res = self.sp.newbool((left is right) ^ bool(ins.arg))
        st[-1] = res
        self.heap.decref(left)
        self.heap.decref(right)

    def CONTAINS_OP(self, f, ins):
        st = f.stack
        right = st[-1]
        left = st[-2]
        r = self.sp.contains(right, left)
        del st[-2:]
        self.heap.decref(left)
        self.heap.decref(right)
        st.append(self.sp.newbool(r ^ bool(ins.arg)))

    def BINARY_SUBSCR(self, f, ins):
        st = f.stack
        sub = st[-1]
        container = st[-2]
        res = self.sp.getitem(container, sub)
        st.pop()
        st[-1] = res
        self.heap.decref(container)
        self.heap.decref(sub)

    def STORE_SUBSCR(self, f, ins):
        st = f.stack
        sub, container, v = st[-1], st[-2], st[-3]
        del st[-3:]
        try:
            self.sp.setitem(container, sub, v)
        finally:
            self.heap.decref(v)
            self.heap.decref(container)
            self.heap.decref(sub)

    def DELETE_SUBSCR(self, f, ins):
        st = f.stack
        sub, container = st[-1], st[-2]
        del st[-2:]
        try:
            self.sp.delitem(container, sub)
        finally:
            self.heap.decref(container)
            self.heap.decref(sub)

    def BUILD_SLICE(self, f, ins):
        st = f.stack
        if ins.arg == 3:
            step = st.pop()
        else:
            step = None
        stop = st.pop()
        start = st.pop()
        s = self.sp.build_slice(start, stop, step)
        self.heap.decref(start)
        self.heap.decref(stop)
        self.heap.xdecref(step)
        st.append(s)

    def GET_LEN(self, f, ins):
        f.stack.append(new_int(self.heap, self.sp.len(f.stack[-1])))

    # --- jumps -------------------------------------------------------------------------

    def JUMP_FORWARD(self, f, ins):
        f.i = ins.target

    JUMP_BACKWARD = JUMP_FORWARD
    JUMP_BACKWARD_NO_INTERRUPT = JUMP_FORWARD
    JUMP_NO_INTERRUPT = JUMP_FORWARD

    def _pop_jump_if(self, f, ins, flag):
        cond = f.stack.pop()
        heap = self.heap
        if cond is heap.true:
            t = True
        elif cond is heap.false:
            t = False
        else:
            try:
                t = self.sp.truth(cond)
            finally:
                heap.decref(cond)
            if t == flag:
                f.i = ins.target
            return
        heap.decref(cond)
        if t == flag:
            f.i = ins.target

    def POP_JUMP_FORWARD_IF_FALSE(self, f, ins):
        self._pop_jump_if(f, ins, False)

    def POP_JUMP_FORWARD_IF_TRUE(self, f, ins):
        self._pop_jump_if(f, ins, True)

    POP_JUMP_BACKWARD_IF_FALSE = POP_JUMP_FORWARD_IF_FALSE
    POP_JUMP_BACKWARD_IF_TRUE = POP_JUMP_FORWARD_IF_TRUE

    def POP_JUMP_FORWARD_IF_NONE(self, f, ins):
        v = f.stack.pop()
        is_none = v is self.heap.none
        self.heap.decref(v)
        if is_none:
            f.i = ins.target

    def POP_JUMP_FORWARD_IF_NOT_NONE(self, f, ins):
        v = f.stack.pop()
        is_none = v is self.heap.none
        self.heap.decref(v)
        if not is_none:
            f.i = ins.target

    POP_JUMP_BACKWARD_IF_NONE = POP_JUMP_FORWARD_IF_NONE
    POP_JUMP_BACKWARD_IF_NOT_NONE = POP_JUMP_FORWARD_IF_NOT_NONE

    def _jump_or_pop(self, f, ins, flag):
        st = f.stack
        cond = st[-1]
        if self.sp.truth(cond) == flag:
            f.i = ins.target
        else:
            st.pop()
            self.heap.decref(cond)

    def JUMP_IF_FALSE_OR_POP(self, f, ins):
        self._jump_or_pop(f, ins, False)

    def JUMP_IF_TRUE_OR_POP(self, f, ins):
        self._jump_or_pop(f, ins, True)

    # --- iteration ---------------------------------------------------------------------

    def GET_ITER(self, f, ins):
        st = f.stack
        iterable = st[-1]
        it = self.sp.iter(iterable)
        st[-1] = it
        self.heap.decref(iterable)

    def FOR_ITER(self, f, ins):
        st = f.stack
        it = st[-1]
        nxt = self.sp.next(it)
        if nxt is not None:
            st.append(nxt)
        else:
            st.pop()
            self.heap.decref(it)
            f.i = ins.target

    # --- generators --------------------------------------------------------------------

    def RETURN_GENERATOR(self, f, ins):
        f.suspend = True
        return gen_new(self.heap, f)

    def YIELD_VALUE(self, f, ins):
        f.suspend = True
        return f.stack.pop()

    def gen_send(self, gen, value):
        """``gen_send_ex2``: resume gen with value (borrowed).  Returns (True, yielded) or
        (False, return value), new references; a guest exception propagates."""
        return send_ex(self, gen, value)

    def gen_next(self, gen):
        """``tp_iternext`` of a generator: a new reference, or None when it is exhausted."""
        if gen.state >= COMPLETED:
            return None
        more, r = send_ex(self, gen, self.heap.none)
        if more:
            return r
        self.heap.decref(r)
        return None

    def GET_YIELD_FROM_ITER(self, f, ins):
        st = f.stack
        iterable = st[-1]
        if iterable.ob_type is self.heap.generator_type:
            return
        it = self.sp.iter(iterable)
        st[-1] = it
        self.heap.decref(iterable)

    def SEND(self, f, ins):
        heap = self.heap
        st = f.stack
        v = st.pop()
        receiver = st[-1]
        try:
            if receiver.ob_type is heap.generator_type:
                more, r = self.gen_send(receiver, v)
            elif v is heap.none:
                r = self.sp.next(receiver)
                more = r is not None
                if not more:
                    r = heap.none
                    r.ob_refcnt += 1
            else:
                meth = self.sp.getattr(receiver, "send")
                try:
                    r = self.sp.call(meth, [v], None)
                    more = True
                except GuestError as err:
                    if err.kind != "StopIteration":
                        raise
                    more = False
                    r = getattr(err, "key", None)
                    if r is not None and not getattr(err, "owned", False):
                        r.ob_refcnt += 1
                except GuestException as ge:
                    if not self.is_instance_of(ge.exc, "StopIteration"):
                        raise
                    more = False
                    r = ge.exc.extra
                    if r is not None:
                        r.ob_refcnt += 1
                    heap.decref(ge.exc)
                finally:
                    heap.decref(meth)
        finally:
            heap.decref(v)
        if more:
            st.append(r)
        else:
            if r is None:
                r = heap.none
                r.ob_refcnt += 1
            st[-1] = r
            heap.decref(receiver)
            f.i = ins.target

    # --- imports -----------------------------------------------------------------------

    def IMPORT_NAME(self, f, ins):
        heap = self.heap
        st = f.stack
        fromlist = st.pop()
        level = st[-1]
        name = f.code.co_names[ins.arg].value
        try:
            mod = self.import_hook(name, fromlist, level, f.globals, (f.dc, ins.index))
        finally:
            heap.decref(fromlist)
        st[-1] = mod
        heap.decref(level)

    def IMPORT_FROM(self, f, ins):
        mod = f.stack[-1]
        name = f.code.co_names[ins.arg].value
        try:
            v = self.sp.getattr(mod, name)
        except GuestError as err:
            if err.kind != "AttributeError":
                raise
            v = None
        except GuestException as ge:        # a module __getattr__ raised it
            if ge.exc.ob_type is not self.exc_types["AttributeError"]:
                raise
            self.heap.decref(ge.exc)
            v = None
        if v is None:
            v = self.import_from_missing(mod, name)
        f.stack.append(v)

    def IMPORT_STAR(self, f, ins):
        mod = f.stack.pop()
        try:
            self.import_star(f, mod)
        finally:
            self.heap.decref(mod)


_NEVER = float("inf")

_TABLES_KEYS = {}


def _tables_key(cls, fast_paths):
    """One object per (interpreter class, fast-path switch): the key of code_tables."""
    return _TABLES_KEYS.setdefault((cls, bool(fast_paths)), (cls, bool(fast_paths)))


_TIME_CHECK_EVERY = 20000

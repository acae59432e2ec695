"""The reference eval loop: frames, one handler per opcode, exception-table unwinding.

Frames are not simulated objects (3.11 keeps ``_PyInterpreterFrame`` in the data stack, not
on the heap); their ``localsplus`` and value stack hold counted references with CPython's
discipline.  A NULL slot is host ``None``.  Handlers touch objects only through the object
space (``self.sp``) and the object model's C-API-shaped functions.

Each handler is a method named exactly like the opcode; it returns None, or the return value
(a new reference) for ``RETURN_VALUE``.
"""

import operator

from heapsim.base.errors import (
    GuestError, GuestException, LimitExceeded, OutOfMemory, Unsupported,
)
from heapsim.interp.types.decode import BINARY_OP_SYMBOLS, CMP_OPS
from heapsim.interp.types.frameobject import take_ownership, traceback_here
from heapsim.interp.types.genobject import COMPLETED, gen_new, send_ex
from heapsim.interp.vm.opcodes_attrs import AttrOpcodes
from heapsim.interp.types.exceptions import ExcObject, is_subtype, new_exception
from heapsim.objects.core import TPFLAGS_HEAPTYPE, TypeObject
from heapsim.objects.cellobject import CellObject, cell_new, cell_set
from heapsim.objects.dictobject import (
    dict_contains, dict_delitem, dict_getitem, dict_items, dict_merge, dict_new,
    dict_new_presized, dict_setitem,
)
from heapsim.objects.funcobject import FunctionObject, function_new
from heapsim.objects.listobject import list_append_steal, list_extend, list_new, list_resize
from heapsim.objects.floatobject import new_float
from heapsim.objects.longobject import DIGIT_BYTES, LONG_HEADER, IntObject, new_int
from heapsim.objects.methodobject import MethodObject
from heapsim.objects.setobject import set_add_key, set_contains_key, set_new
from heapsim.objects.tupleobject import tuple_from_list, tuple_new
from heapsim.objects.unicodeobject import intern_string, new_str


class Reraise(GuestException):
    """A guest exception re-raised (RERAISE, bare ``raise``): no new traceback entry."""


class Frame:
    __slots__ = ("code", "dc", "func", "localsplus", "stack", "globals", "builtins",
                 "locals", "i", "instrs", "handlers", "kwnames", "ins", "back", "suspend",
                 "gen", "fobj")


class Interpreter(AttrOpcodes):
    def __init__(self, heap, space, max_steps=None, recursion_limit=1000):
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
        self.import_hook = None
        self.error_location = None

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
        import time
        self.timeout_seconds = seconds
        self.deadline = time.monotonic() + seconds
        self.check_at = min(self.check_at, self.steps + _TIME_CHECK_EVERY)

    def check_limits(self):
        """The step counter passed ``check_at``: the instruction limit, or time to look at
        the clock (every ``_TIME_CHECK_EVERY`` instructions when a timeout is set)."""
        if self.max_steps is not None and self.steps > self.max_steps:
            raise LimitExceeded("instruction", self.max_steps)
        if self.deadline is not None:
            import time
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

    def call_function(self, func, args, kwrefs):
        """Call a guest function: args (host list) and kwrefs (name -> obj) are new
        references that move into the frame, and so does the reference to func."""
        kwnames = None
        if kwrefs:
            kwnames = []
            for k, v in kwrefs.items():
                kwnames.append(intern_string(self.heap, k))
                args.append(v)
        try:
            return self.call_py(func, args, len(args) - (len(kwnames) if kwnames else 0),
                                kwnames)
        finally:
            if kwnames:
                for k in kwnames:
                    self.heap.decref(k)

    def call_py(self, func, args, argcount, kwnames):
        """``_PyEvalFramePushAndInit`` + the frame's run: consumes func and args."""
        co = func.func_code
        dc = co.decoded
        if not kwnames and dc.argcount == argcount == len(args) \
                and not dc.flags & 0x0C and not dc.kwonlyargcount:
            return self.call_simple(func, args, dc)
        f = Frame()
        f.code = co
        f.dc = dc
        f.func = func
        co.ob_refcnt += 1
        f.globals = func.func_globals
        f.builtins = func.func_builtins
        f.locals = None
        f.localsplus = [None] * dc.nlocalsplus
        f.stack = []
        f.i = 0
        f.kwnames = None
        f.ins = None
        f.suspend = False
        f.gen = None
        f.fobj = None
        try:
            self.initialize_locals(f, func, args, argcount, kwnames)
        except BaseException:
            self.clear_frame(f)
            raise
        if self.depth >= self.recursion_limit:
            self.clear_frame(f)
            raise GuestError("RecursionError", "maximum recursion depth exceeded")
        return self.run_frame(f)

    def call_simple(self, func, args, dc):
        """``call_py`` for a function whose code takes exactly ``len(args)`` positional
        arguments (no ``*args``, ``**kwargs`` or keyword-only ones): args become the first
        fast locals as they are.  Consumes func and args."""
        co = func.func_code
        f = Frame()
        f.code = co
        f.dc = dc
        f.func = func
        co.ob_refcnt += 1
        f.globals = func.func_globals
        f.builtins = func.func_builtins
        f.locals = None
        extra = dc.nlocalsplus - len(args)
        if extra:
            args.extend([None] * extra)
        f.localsplus = args
        f.stack = []
        f.i = 0
        f.kwnames = None
        f.ins = None
        f.suspend = False
        f.gen = None
        f.fobj = None
        if self.depth >= self.recursion_limit:
            self.clear_frame(f)
            raise GuestError("RecursionError", "maximum recursion depth exceeded")
        return self.run_frame(f)

    def initialize_locals(self, f, func, args, argcount, kwnames):
        heap = self.heap
        sp = self.sp
        dc = f.dc
        lp = f.localsplus
        co_argcount = dc.argcount
        kwonly = dc.kwonlyargcount
        total_args = co_argcount + kwonly
        flags = dc.flags
        has_varargs = bool(flags & 0x04)
        has_varkw = bool(flags & 0x08)
        qualname = func.func_qualname.value
        kwdict = None
        if has_varkw:
            kwdict = dict_new(heap)
            lp[total_args + has_varargs] = kwdict
        n = min(argcount, co_argcount)
        for j in range(n):
            lp[j] = args[j]
        if has_varargs:
            lp[total_args] = sp.newtuple(args[n:argcount])
        elif argcount > co_argcount:
            for a in args[n:]:          # the first n belong to the frame's locals now
                heap.decref(a)
            ndef = len(func.func_defaults.items) if func.func_defaults is not None else 0
            if ndef:
                takes = f"from {co_argcount - ndef} to {co_argcount} positional arguments"
            else:
                takes = (f"{co_argcount} positional argument"
                         f"{'' if co_argcount == 1 else 's'}")
            given = f"{argcount} {'was' if argcount == 1 else 'were'} given"
            raise GuestError("TypeError", f"{qualname}() takes {takes} but {given}")
        if kwnames:
            names = dc.localsplus_names
            for k, kname in enumerate(kwnames):
                value = args[argcount + k]
                name = kname.value
                try:
                    j = names.index(name, dc.posonlyargcount, total_args)
                except ValueError:
                    j = -1
                if j >= 0:
                    if lp[j] is not None:
                        heap.decref(value)
                        for v in args[argcount + k + 1:]:
                            heap.decref(v)
                        raise GuestError("TypeError", f"{qualname}() got multiple values "
                                         f"for argument '{name}'")
                    lp[j] = value
                elif kwdict is not None:
                    dict_setitem(heap, kwdict, kname, value)
                    heap.decref(value)
                else:
                    heap.decref(value)
                    for v in args[argcount + k + 1:]:
                        heap.decref(v)
                    raise GuestError("TypeError", f"{qualname}() got an unexpected keyword "
                                     f"argument '{name}'")
        if argcount < co_argcount:
            defaults = func.func_defaults.items if func.func_defaults is not None else []
            m = co_argcount - len(defaults)
            missing = []
            for j in range(argcount, co_argcount):
                if lp[j] is None:
                    if j >= m:
                        d = defaults[j - m]
                        d.ob_refcnt += 1
                        lp[j] = d
                    else:
                        missing.append(dc.localsplus_names[j])
            if missing:
                raise GuestError("TypeError", _missing_msg(qualname, missing, "positional"))
        if kwonly:
            missing = []
            for j in range(co_argcount, total_args):
                if lp[j] is None:
                    name = dc.localsplus_names[j]
                    d = None
                    if func.func_kwdefaults is not None:
                        key = new_str(heap, name)
                        d = dict_getitem(heap, func.func_kwdefaults, key)
                        heap.decref(key)
                    if d is not None:
                        d.ob_refcnt += 1
                        lp[j] = d
                    else:
                        missing.append(name)
            if missing:
                raise GuestError("TypeError", _missing_msg(qualname, missing, "keyword-only"))

    def clear_frame(self, f):
        """``_PyFrame_Clear``: the value stack (top first), localsplus in index order, then
        the function and the code."""
        heap = self.heap
        st = f.stack
        while st:
            heap.xdecref(st.pop())
        fo = f.fobj
        if fo is not None:
            f.fobj = None
            if fo.ob_refcnt > 1:
                take_ownership(heap, fo, f, f.back if self.frame is f else None)
                heap.decref(fo)
                return
            heap.decref(fo)
        lp = f.localsplus
        dealloc = heap.dealloc
        for j, o in enumerate(lp):
            if o is not None:
                lp[j] = None
                rc = o.ob_refcnt - 1
                o.ob_refcnt = rc
                if not rc:
                    dealloc(o)
        func = f.func
        if func is not None:
            f.func = None
            heap.decref(func)
        heap.decref(f.code)

    def traceback_here(self, f, eobj, ins):
        traceback_here(self.heap, f, eobj, ins)

    def code_tables(self, dc):
        """The loop's per-code tables, built once per decoded code and kept on it:
        (interpreter class, handler functions, opcodes, operands, instructions).

        The operand of a jump is its target index, of ``BINARY_OP``/``COMPARE_OP`` the host
        function for the operator (None where the fast path never applies); other operands
        are the raw oparg.  Handlers are the class's functions (called with self), so the
        tables do not hold an interpreter."""
        cls = type(self)
        tabs = dc.handlers
        if tabs is not None and tabs[0] is cls:
            return tabs
        hs = []
        ops = []
        args = []
        instrs = dc.instructions
        for ins in instrs:
            h = getattr(cls, ins.opname, None)
            hs.append(h if h is not None else cls._unsupported_op)
            op = ins.opcode
            ops.append(_LOOP_CODES.get(op, 0))
            if op == _BINARY_OP:
                args.append(_BINARY_FNS[ins.arg] if ins.arg < len(_BINARY_FNS) else None)
            elif op == _COMPARE_OP:
                args.append(_COMPARE_FNS[ins.arg])
            elif ins.target >= 0:
                args.append(ins.target)
            else:
                args.append(ins.arg if ins.arg is not None else 0)
        tabs = dc.handlers = (cls, hs, ops, args, instrs)
        return tabs

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
            heap, heap.dealloc, heap.free, heap.malloc, heap.int_type, heap.float_type,
            heap.str_type, heap.list_type, heap.tuple_type, heap.small_ints,
            heap.float_freelist, heap.float_freelist_max, heap.true, heap.false, heap.none,
            heap.range_iterator_type, self.sp.iter_types["list_iterator"],
            self.sp.iter_types["tuple_iterator"], getattr(heap, "generator_type", None))
        return lc

    def run_frame(self, f, exc=None):
        """Run f from ``f.i``; with ``exc`` (a GuestException), raise it at the instruction
        f stopped at first (``throwflag``: a generator resumed by throw/close).

        The instruction index and the step count live in host locals.  ``f.i`` is stored
        before every handler call (handlers, generators and errors may read it) and read back
        after it (handlers may jump); the opcodes run inline here never need it.  Steps are
        added to ``self.steps`` and the limits checked at frame entry and on backward jumps
        (where CPython tests its eval breaker), and the rest when the frame stops.  The
        inline paths make exactly the heap effects of their handlers: the same increfs,
        decrefs, allocations and free-list traffic in the same order (a fused compare and
        branch skips only the bool's incref/decref pair, which cancels)."""
        dc = f.dc
        tabs = dc.handlers
        if tabs is None or tabs[0] is not type(self):
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
        (heap, dealloc, free, malloc, int_type, float_type, str_type, list_type, tuple_type,
         small_ints, ffl, ffl_max, true, false, none, range_iter_type, list_iter_type,
         tuple_iter_type, gen_type) = lc
        f.back = self.frame
        self.frame = f
        self.depth += 1
        i = f.i
        steps = 0
        try:
            if self.steps > self.check_at:
                try:
                    self.check_limits()
                except LimitExceeded:
                    if self.error_location is None:
                        self.error_location = (dc.filename, dc.line_of(i))
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
                            if op == 124:                       # LOAD_FAST
                                o = lp[arg]
                                if o is not None:
                                    o.ob_refcnt += 1
                                    st.append(o)
                                    continue
                            elif not op:                        # no inline path
                                pass
                            elif op == 100:                     # LOAD_CONST
                                o = consts[arg]
                                o.ob_refcnt += 1
                                st.append(o)
                                continue
                            elif op == 125:                     # STORE_FAST
                                old = lp[arg]
                                lp[arg] = st.pop()
                                if old is not None:
                                    rc = old.ob_refcnt - 1
                                    old.ob_refcnt = rc
                                    if not rc:
                                        # float_dealloc / int_dealloc inline
                                        tp = old.ob_type
                                        if tp is float_type:
                                            if len(ffl) < ffl_max:
                                                ffl.append(old)
                                            else:
                                                free(old.addr)
                                        elif tp is int_type:
                                            free(old.addr)
                                        else:
                                            dealloc(old)
                                continue
                            elif op == 122:                     # BINARY_OP
                                rhs = st[-1]
                                lhs = st[-2]
                                ta = lhs.ob_type
                                tb = rhs.ob_type
                                if arg is not None and (ta is int_type or ta is float_type) \
                                        and (tb is int_type or tb is float_type):
                                    try:
                                        r = arg(lhs.value, rhs.value)
                                    except Exception:
                                        r = None
                                    tr = type(r)
                                    if tr is int:
                                        if -5 <= r <= 256:
                                            res = small_ints[r + 5]
                                            res.ob_refcnt += 1
                                        elif -1073741824 < r < 1073741824:
                                            # new_int of a one-digit value
                                            res = IntObject.__new__(IntObject)
                                            res.ob_refcnt = 1
                                            res.ob_type = int_type
                                            res.value = r
                                            res.addr = malloc(_ONE_DIGIT_INT_SIZE)
                                        else:
                                            res = new_int(heap, r)
                                    elif tr is float:
                                        if ffl:
                                            res = ffl.pop()
                                            res.ob_refcnt = 1
                                            res.value = r
                                        else:
                                            res = new_float(heap, r)
                                    else:
                                        res = None
                                    if res is not None:
                                        st.pop()
                                        st[-1] = res
                                        # int_dealloc frees; float_dealloc keeps the shell
                                        # on the free list (neither can start a cascade)
                                        rc = lhs.ob_refcnt - 1
                                        lhs.ob_refcnt = rc
                                        if not rc:
                                            if ta is int_type or len(ffl) >= ffl_max:
                                                free(lhs.addr)
                                            else:
                                                ffl.append(lhs)
                                        rc = rhs.ob_refcnt - 1
                                        rhs.ob_refcnt = rc
                                        if not rc:
                                            if tb is int_type or len(ffl) >= ffl_max:
                                                free(rhs.addr)
                                            else:
                                                ffl.append(rhs)
                                        continue
                            elif op == 107:                     # COMPARE_OP
                                right = st[-1]
                                left = st[-2]
                                ta = left.ob_type
                                tb = right.ob_type
                                if ((ta is int_type or ta is float_type)
                                        and (tb is int_type or tb is float_type)) \
                                        or (ta is str_type and tb is str_type):
                                    r = arg(left.value, right.value)
                                    del st[-2:]
                                    nop = ops[i]
                                    if nop == 114 or nop == 115:
                                        # fused with POP_JUMP_*_IF_FALSE/TRUE: the bool's
                                        # incref and decref cancel, so it is never pushed
                                        rc = left.ob_refcnt - 1
                                        left.ob_refcnt = rc
                                        if not rc:
                                            dealloc(left)
                                        rc = right.ob_refcnt - 1
                                        right.ob_refcnt = rc
                                        if not rc:
                                            dealloc(right)
                                        steps += 1
                                        if (not r) is (nop == 114):
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
                                    rc = left.ob_refcnt - 1
                                    left.ob_refcnt = rc
                                    if not rc:
                                        dealloc(left)
                                    rc = right.ob_refcnt - 1
                                    right.ob_refcnt = rc
                                    if not rc:
                                        dealloc(right)
                                    continue
                            elif op == 114 or op == 115:
                                # POP_JUMP_{FORWARD,BACKWARD}_IF_{FALSE,TRUE} on a bool (the
                                # backward forms are coded as the forward ones)
                                cond = st[-1]
                                if cond is true or cond is false:
                                    st.pop()
                                    cond.ob_refcnt -= 1
                                    if (cond is false) is (op == 114):
                                        if arg < i:
                                            self.steps += steps
                                            steps = 0
                                            if self.steps > self.check_at:
                                                self.check_limits()
                                        i = arg
                                    continue
                            elif op == 116:                     # LOAD_GLOBAL
                                key = co_names[arg >> 1]
                                o = dict_getitem(heap, f.globals, key)
                                if o is None:
                                    o = dict_getitem(heap, f.builtins, key)
                                if o is None:
                                    raise GuestError("NameError",
                                                     f"name '{key.value}' is not defined")
                                if arg & 1:
                                    st.append(None)
                                o.ob_refcnt += 1
                                st.append(o)
                                continue
                            elif op == 166:                     # PRECALL
                                if st[-arg - 2] is not None \
                                        or not isinstance(st[-arg - 1], MethodObject):
                                    continue
                            elif op == 171:                     # CALL
                                # a plain Python function with exactly its positional
                                # arguments: no initialize_locals, no handler call
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
                                            # call_py and initialize_locals of positional
                                            # arguments (missing ones from the defaults)
                                            nf = Frame()
                                            nf.code = fco
                                            nf.dc = fdc
                                            nf.func = fn
                                            fco.ob_refcnt += 1
                                            nf.globals = fn.func_globals
                                            nf.builtins = fn.func_builtins
                                            nf.locals = None
                                            if missing:
                                                d = fn.func_defaults.items
                                                for o in d[len(d) - missing:]:
                                                    o.ob_refcnt += 1
                                                    a.append(o)
                                            nargs = fdc.nlocalsplus - fdc.argcount
                                            if nargs:
                                                a.extend([None] * nargs)
                                            nf.localsplus = a
                                            nf.stack = []
                                            nf.i = 0
                                            nf.kwnames = None
                                            nf.ins = None
                                            nf.suspend = False
                                            nf.gen = None
                                            nf.fobj = None
                                            if self.depth >= self.recursion_limit:
                                                self.clear_frame(nf)
                                                raise GuestError(
                                                    "RecursionError",
                                                    "maximum recursion depth exceeded")
                                            st.append(self.run_frame(nf))
                                            continue
                            elif op == 83:                      # RETURN_VALUE
                                f.i = i
                                r = st.pop()
                                if f.suspend:
                                    return r
                                if st or f.fobj is not None:
                                    self.clear_frame(f)
                                    return r
                                # clear_frame of a frame with an empty stack and no frame
                                # object, inline
                                for j, o in enumerate(lp):
                                    if o is not None:
                                        lp[j] = None
                                        rc = o.ob_refcnt - 1
                                        o.ob_refcnt = rc
                                        if not rc:
                                            dealloc(o)
                                o = f.func
                                if o is not None:
                                    f.func = None
                                    rc = o.ob_refcnt - 1
                                    o.ob_refcnt = rc
                                    if not rc:
                                        dealloc(o)
                                o = f.code
                                rc = o.ob_refcnt - 1
                                o.ob_refcnt = rc
                                if not rc:
                                    dealloc(o)
                                return r
                            elif op == 1:                       # POP_TOP
                                o = st.pop()
                                if o is not None:
                                    rc = o.ob_refcnt - 1
                                    o.ob_refcnt = rc
                                    if not rc:
                                        dealloc(o)
                                continue
                            elif op == 140:                     # JUMP_BACKWARD
                                self.steps += steps
                                steps = 0
                                if self.steps > self.check_at:
                                    self.check_limits()
                                i = arg
                                continue
                            elif op == 93:                      # FOR_ITER
                                it = st[-1]
                                tp = it.ob_type
                                if tp is range_iter_type:
                                    index = it.index
                                    if index < it.len:
                                        it.index = index + 1
                                        r = it.start + index * it.step
                                        if -5 <= r <= 256:
                                            o = small_ints[r + 5]
                                            o.ob_refcnt += 1
                                        else:
                                            o = new_int(heap, r)
                                        st.append(o)
                                        continue
                                elif tp is list_iter_type or tp is tuple_iter_type:
                                    seq = it.seq
                                    if seq is not None:
                                        index = it.index
                                        items = seq.items
                                        if index < len(items):
                                            it.index = index + 1
                                            o = items[index]
                                            o.ob_refcnt += 1
                                            st.append(o)
                                            continue
                                        it.seq = None
                                        rc = seq.ob_refcnt - 1
                                        seq.ob_refcnt = rc
                                        if not rc:
                                            dealloc(seq)
                                elif tp is gen_type:
                                    f.i = i
                                    o = self.gen_next(it)
                                    if o is not None:
                                        st.append(o)
                                        continue
                                else:
                                    f.i = i
                                    o = self.sp.next(it)
                                    if o is not None:
                                        st.append(o)
                                        continue
                                st.pop()
                                rc = it.ob_refcnt - 1
                                it.ob_refcnt = rc
                                if not rc:
                                    dealloc(it)
                                i = arg
                                continue
                            elif op == 25:                      # BINARY_SUBSCR
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
                            elif op == 60:                      # STORE_SUBSCR
                                sub = st[-1]
                                container = st[-2]
                                if container.ob_type is list_type and sub.ob_type is int_type:
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
                                                if len(ffl) < ffl_max:
                                                    ffl.append(old)
                                                else:
                                                    free(old.addr)
                                            elif tp is int_type:
                                                free(old.addr)
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
                            elif op == 92:                      # UNPACK_SEQUENCE
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
                            elif op == 102:                     # BUILD_TUPLE
                                if arg:
                                    items = st[-arg:]
                                    del st[-arg:]
                                    o = tuple_new(heap, arg)
                                    o.items[:] = items
                                else:
                                    o = tuple_new(heap, 0)
                                st.append(o)
                                continue
                            elif op == 145:                     # LIST_APPEND
                                o = st.pop()
                                lst = st[-arg]
                                items = lst.items
                                if lst.allocated <= len(items):
                                    list_resize(heap, lst, len(items) + 1)
                                items.append(o)
                                continue
                            elif op == 120:                     # COPY
                                o = st[-arg]
                                o.ob_refcnt += 1
                                st.append(o)
                                continue
                            elif op == 99:                      # SWAP
                                st[-1], st[-arg] = st[-arg], st[-1]
                                continue
                            elif op == 137:                     # LOAD_DEREF
                                o = lp[arg].ob_ref
                                if o is not None:
                                    o.ob_refcnt += 1
                                    st.append(o)
                                    continue
                            elif op == 138:                     # STORE_DEREF
                                cell = lp[arg]
                                old = cell.ob_ref
                                cell.ob_ref = st.pop()
                                if old is not None:
                                    rc = old.ob_refcnt - 1
                                    old.ob_refcnt = rc
                                    if not rc:
                                        dealloc(old)
                                continue
                            elif op == 117:                     # IS_OP
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
                            elif op == 129 or op == 128:
                                # POP_JUMP_{FORWARD,BACKWARD}_IF_{NONE,NOT_NONE}
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
                            elif op == 110:                     # JUMP_FORWARD
                                i = arg
                                continue
                            elif op == 2:                       # PUSH_NULL
                                st.append(None)
                                continue
                            elif op == 149:                     # COPY_FREE_VARS
                                closure = f.func.func_closure.items
                                off = len(lp) - arg
                                for j in range(arg):
                                    o = closure[j]
                                    o.ob_refcnt += 1
                                    lp[off + j] = o
                                continue
                            elif op == 151:                     # RESUME
                                continue
                            elif op == 86:                      # YIELD_VALUE
                                f.i = i
                                f.suspend = True
                                return st.pop()
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

    def run_module(self, code, globals_dict, builtins_dict):
        """``PyEval_EvalCode``: a function object for the module code, then its frame."""
        from heapsim.objects.funcobject import function_from_constructor
        heap = self.heap
        func = function_from_constructor(heap, globals_dict, builtins_dict, code.co_name,
                                         code.co_qualname, code)
        f = Frame()
        f.code = code
        code.ob_refcnt += 1
        f.dc = code.decoded
        f.func = func
        f.globals = globals_dict
        f.builtins = builtins_dict
        f.locals = globals_dict
        f.localsplus = [None] * f.dc.nlocalsplus
        f.stack = []
        f.i = 0
        f.kwnames = None
        f.ins = None
        f.suspend = False
        f.gen = None
        f.fobj = None
        return self.run_frame(f)

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

    # --- building ----------------------------------------------------------------------

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
            from heapsim.objects.listobject import list_extend_from_iterable
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
                raise GuestError("TypeError", "argument after ** must be a mapping, not "
                                 f"{update.ob_type.name}")
            for k, v in dict_items(update):
                if dict_contains(heap, d, k):
                    func = st[-ins.arg - 2]
                    name = func.func_qualname.value if isinstance(func, FunctionObject) \
                        else "function"
                    raise GuestError("TypeError", f"{name}() got multiple values for keyword "
                                     f"argument '{self.sp.str_host(k)}'")
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
                nv = new_str(heap, ascii(sp.repr_host(value)))
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

    # --- functions and calls -----------------------------------------------------------

    def MAKE_FUNCTION(self, f, ins):
        heap = self.heap
        st = f.stack
        code = st.pop()
        consts = code.co_consts
        doc = consts[0] if consts and consts[0].ob_type is heap.str_type else heap.none
        key = intern_string(heap, "__name__")
        module = dict_getitem(heap, f.globals, key)
        heap.decref(key)
        func = function_new(heap, code, f.globals, code.co_name, code.co_qualname, doc,
                            module, f.builtins)
        heap.decref(code)
        flags = ins.arg
        if flags & 0x08:
            func.func_closure = st.pop()
        if flags & 0x04:
            func.func_annotations = st.pop()
        if flags & 0x02:
            func.func_kwdefaults = st.pop()
        if flags & 0x01:
            func.func_defaults = st.pop()
        st.append(func)

    def KW_NAMES(self, f, ins):
        f.kwnames = f.code.co_consts[ins.arg]

    def PRECALL(self, f, ins):
        st = f.stack
        n = ins.arg
        if st[-n - 2] is None:
            callable = st[-n - 1]
            if isinstance(callable, MethodObject):
                s = callable.im_self
                fn = callable.im_func
                s.ob_refcnt += 1
                fn.ob_refcnt += 1
                st[-n - 1] = s
                st[-n - 2] = fn
                self.heap.decref(callable)

    def CALL(self, f, ins):
        heap = self.heap
        st = f.stack
        n = ins.arg
        kwnames = f.kwnames
        f.kwnames = None
        is_meth = st[-n - 2] is not None
        if is_meth:
            callable = st[-n - 2]
            nargs = n + 1
        else:
            callable = st[-n - 1]
            nargs = n
        args = st[len(st) - nargs:]
        nkw = len(kwnames.items) if kwnames is not None else 0
        if isinstance(callable, FunctionObject):
            del st[len(st) - n - 2:]
            res = self.call_py(callable, args, nargs - nkw,
                               kwnames.items if kwnames is not None else None)
            st.append(res)
            return
        kw = None
        if nkw:
            kw = {k.value: v for k, v in zip(kwnames.items, args[nargs - nkw:])}
            pos = args[:nargs - nkw]
        else:
            pos = args
        res = self.sp.call(callable, pos, kw)
        del st[len(st) - n - 2:]
        for a in args:
            heap.decref(a)
        heap.decref(callable)
        st.append(res)

    def CALL_FUNCTION_EX(self, f, ins):
        heap = self.heap
        st = f.stack
        kwargs = st.pop() if ins.arg & 1 else None
        callargs = st.pop()
        func = st[-1]
        try:
            if callargs.ob_type is not heap.tuple_type:
                items = self.sp.collect(callargs)
                t = self.sp.newtuple(items)
                heap.decref(callargs)
                callargs = t
            kw = None
            if kwargs is not None and kwargs.ma_used:
                kw = {k.value: v for k, v in dict_items(kwargs)}
            res = self.sp.call(func, list(callargs.items), kw)
        finally:
            heap.decref(callargs)
            heap.xdecref(kwargs)
        st.pop()
        heap.decref(func)
        if st and st[-1] is None:
            st.pop()
        st.append(res)

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
        if iterable.ob_type is getattr(self.heap, "generator_type", None):
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
            if receiver.ob_type is getattr(heap, "generator_type", None):
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

    def lookup_special(self, obj, name):
        """``_PyObject_LookupSpecial``: type(obj).name bound to obj (new reference), or None."""
        try:
            from heapsim.interp.types import typeobject
        except ImportError:
            typeobject = None
        if typeobject is not None and hasattr(self.sp, "type_cache"):
            d = typeobject.lookup(self.sp, obj.ob_type, name)
            if d is None:
                return None
            return typeobject.descr_get(self.sp, d, obj, obj.ob_type)
        if self.sp.lookup_method(obj, name) is None:
            return None
        return self.sp.getattr(obj, name)

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

    # --- pattern matching ----------------------------------------------------------------

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

    def IMPORT_NAME(self, f, ins):
        heap = self.heap
        st = f.stack
        fromlist = st.pop()
        level = st[-1]
        name = f.code.co_names[ins.arg].value
        try:
            mod = self.import_hook(name, fromlist, level)
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
            hook = getattr(self, "import_from_error", None)
            if hook is not None:
                raise hook(mod, name) from None
            raise GuestError("ImportError", f"cannot import name '{name}' from "
                             f"'{mod.md_name.value}' (unknown location)") from None
        f.stack.append(v)

    def IMPORT_STAR(self, f, ins):
        raise Unsupported("import *")

    # --- exceptions --------------------------------------------------------------------

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

    def CHECK_EG_MATCH(self, f, ins):
        raise Unsupported("except*")

    def RERAISE(self, f, ins):
        st = f.stack
        val = st.pop()
        if ins.arg:
            lasti = st[-ins.arg]
            f.i = f.dc.offset_to_index.get(lasti.value, f.i)
        raise Reraise(val)


_NEVER = float("inf")

# The loop's fast paths: opcodes and the host function of each operator.
_BINARY_OP = 122
# The loop's code for each opcode it runs inline (0 for the others: their handler is called
# at once); the backward conditional jumps share the forward ones' codes.
_LOOP_CODES = {op: op for op in (124, 100, 125, 122, 107, 114, 115, 116, 166, 171, 83, 1,
                                 140, 93, 25, 60, 137, 138, 117, 128, 129, 110, 2, 149, 151,
                                 86, 92, 102, 145, 120, 99)}
_LOOP_CODES.update({175: 114, 176: 115, 173: 128, 174: 129})
_ONE_DIGIT_INT_SIZE = LONG_HEADER + DIGIT_BYTES
_COMPARE_OP = 107
_HOST_BINOPS = {
    "+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv,
    "//": operator.floordiv, "%": operator.mod, "**": operator.pow, "<<": operator.lshift,
    ">>": operator.rshift, "&": operator.and_, "|": operator.or_, "^": operator.xor,
}
_BINARY_FNS = tuple(_HOST_BINOPS.get(s[:-1] if s.endswith("=") else s)
                    for s in BINARY_OP_SYMBOLS)
_COMPARE_FNS = tuple({"<": operator.lt, "<=": operator.le, "==": operator.eq,
                      "!=": operator.ne, ">": operator.gt, ">=": operator.ge}[s]
                     for s in CMP_OPS)
_TIME_CHECK_EVERY = 20000
_SEQUENCE_TYPES = ("list", "tuple", "range", "memoryview", "deque", "array")
_MATCH_SELF_TYPES = ("bool", "bytearray", "bytes", "dict", "float", "frozenset", "int", "list",
                     "set", "str", "tuple")


def _missing_msg(qualname, missing, kind):
    n = len(missing)
    names = [f"'{m}'" for m in missing]
    if n == 1:
        s = names[0]
    elif n == 2:
        s = f"{names[0]} and {names[1]}"
    else:
        s = ", ".join(names[:-1]) + f", and {names[-1]}"
    return (f"{qualname}() missing {n} required {kind} argument{'s' if n > 1 else ''}: {s}")

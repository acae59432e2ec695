"""Calls and frames (Python/ceval.c's call half, Objects/call.c for Python functions),
mixed into ``Interpreter`` (vm/ceval.py).

Every frame is made by ``types.frameobject.new_frame`` (the one factory): calls with
arguments (``call_py`` and the loop's ``CALL_PY_*`` specialisations place the arguments),
module code (``run_module``) and class bodies (``run_class_body``, reached from types/
through ``sp.interp``); ``run_frame`` checks the recursion limit on entering a new frame.
``clear_frame`` is ``_PyFrame_Clear``.  The call opcodes' handlers live here too.
"""

from heapsim.base.errors import GuestError
from heapsim.interp.types.frameobject import CO_OPTIMIZED, new_frame, take_ownership
from heapsim.objects.dictobject import dict_getitem, dict_items, dict_new, dict_setitem
from heapsim.objects.funcobject import FunctionObject, function_from_constructor, function_new
from heapsim.objects.core import TypeObject
from heapsim.objects.methodobject import CFunctionObject, MethodObject
from heapsim.objects.moduleobject import ModuleObject
from heapsim.objects.unicodeobject import intern_string, new_str


class CallOpcodes:
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
            # exactly the positional arguments: they become the first fast locals as they are
            f = new_frame(func, args)
        else:
            f = new_frame(func, [])
            try:
                self.initialize_locals(f, func, args, argcount, kwnames)
            except BaseException:
                self.clear_frame(f)
                raise
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
            for a in args[n:argcount]:  # too many: the error comes after the keywords
                heap.decref(a)
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
                    posonly = [kn.value for kn in kwnames
                               if kn.value in names[:dc.posonlyargcount]]
                    if posonly:
                        raise GuestError("TypeError", f"{qualname}() got some positional-only "
                                         f"arguments passed as keyword arguments: "
                                         f"'{', '.join(posonly)}'")
                    raise GuestError("TypeError", f"{qualname}() got an unexpected keyword "
                                     f"argument '{name}'")
        if argcount > co_argcount and not has_varargs:
            raise GuestError("TypeError", _too_many_positional(func, dc, argcount, lp))
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
        the function and the code (every returning frame passes here: the decrefs are
        written out)."""
        heap = self.heap
        dealloc = heap.dealloc
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
        for j, o in enumerate(lp):
            if o is not None:
                lp[j] = None
                rc = o.ob_refcnt - 1
                o.ob_refcnt = rc
                if not rc:
                    dealloc(o)
        if f.locals is not None and f.dc.flags & CO_OPTIMIZED:
            o = f.locals
            f.locals = None
            heap.decref(o)
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

    def run_module(self, code, globals_dict, builtins_dict):
        """``PyEval_EvalCode``: a function object for the module code, then its frame."""
        func = function_from_constructor(self.heap, globals_dict, builtins_dict, code.co_name,
                                         code.co_qualname, code)
        return self.run_frame(new_frame(func, [], globals_dict))

    def run_class_body(self, func, ns):
        """Run a class body's code (func borrowed) with ns as its locals (``_PyEval_Vector``
        with locals): the body's return value (the ``__class__`` cell or None), a new
        reference."""
        func.ob_refcnt += 1
        return self.run_frame(new_frame(func, [], ns))

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
                try:
                    items = self.sp.collect(callargs)
                except GuestError as e:
                    tn = callargs.ob_type.name
                    if e.kind == "TypeError" and e.message == f"'{tn}' object is not iterable":
                        raise GuestError("TypeError", f"{function_str(self.sp, func)} "
                                         f"argument after * must be an iterable, not {tn}") \
                            from None
                    raise
                t = self.sp.newtuple(items)
                heap.decref(callargs)
                callargs = t
            kw = None
            if kwargs is not None and kwargs.ma_used:
                kw = {}
                for k, v in dict_items(kwargs):
                    if not self.sp.isinstance_tp(k, heap.str_type):
                        raise GuestError("TypeError", "keywords must be strings")
                    kw[k.value] = v
            res = self.sp.call(func, list(callargs.items), kw)
        finally:
            heap.decref(callargs)
            heap.xdecref(kwargs)
        st.pop()
        heap.decref(func)
        if st and st[-1] is None:
            st.pop()
        st.append(res)


def _too_many_positional(func, dc, given, lp):
    """``too_many_positional``'s text: the accepted range, and the keyword-only arguments
    that were given as well."""
    co_argcount = dc.argcount
    kwonly_given = sum(1 for o in lp[co_argcount:co_argcount + dc.kwonlyargcount]
                       if o is not None)
    ndef = len(func.func_defaults.items) if func.func_defaults is not None else 0
    if ndef:
        sig, plural = f"from {co_argcount - ndef} to {co_argcount}", True
    else:
        sig, plural = str(co_argcount), co_argcount != 1
    extra = ""
    if kwonly_given:
        extra = (f" positional argument{'s' if given != 1 else ''} (and {kwonly_given} "
                 f"keyword-only argument{'s' if kwonly_given != 1 else ''})")
    verb = "was" if given == 1 and not kwonly_given else "were"
    return (f"{func.func_qualname.value}() takes {sig} positional argument"
            f"{'s' if plural else ''} but {given}{extra} {verb} given")


def function_str(sp, func):
    """``_PyObject_FunctionStr``: how call errors name a callable (``mod.qualname()``, the
    module left out for builtins)."""
    while isinstance(func, MethodObject):
        func = func.im_func
    if isinstance(func, FunctionObject):
        qual = func.func_qualname.value
        mod = func.func_module
        modname = mod.value if mod is not None and mod.ob_type is sp.heap.str_type else None
    elif isinstance(func, CFunctionObject):
        self_ = func.m_self
        qual = func.m_ml.ml_name
        if self_ is not None and not isinstance(self_, ModuleObject):
            owner = self_ if isinstance(self_, TypeObject) else self_.ob_type
            qual = f"{owner.name}.{qual}"
        mod = func.m_module
        modname = mod.value if mod is not None and mod.ob_type is sp.heap.str_type \
            else "builtins"
    elif isinstance(func, TypeObject):
        qual = func.qualname
        modname = func.module
    else:
        return f"{func.ob_type.name} object"
    if modname is None or modname == "builtins":
        return f"{qual}()"
    return f"{modname}.{qual}()"


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

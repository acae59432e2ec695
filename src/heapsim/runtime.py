"""The composition root: builds the allocator, the heap, the collector and the interpreter
for one run, and wires the hooks each lower layer leaves for the one above.

Nothing else constructs these pieces together; tests and tools call ``build_heap`` (and, once
the interpreter exists, ``Runtime``) rather than assembling layers by hand.
"""

from heapsim.base.config import CPYTHON_3_11
from heapsim.memory.obmalloc import Pymalloc
from heapsim.objects.bootstrap import create_heap


def build_heap(profile=CPYTHON_3_11, *, audit=False):
    """A heap on a fresh simulated pymalloc, with the reclaim layer installed."""
    allocator = Pymalloc(profile.memory)
    heap = create_heap(allocator, profile)
    from heapsim import reclaim
    install = getattr(reclaim, "install", None)
    if install is not None:
        install(heap, audit=audit)
    return heap


class Runtime:
    """One run of a guest program: heap, collector, object space, interpreter and the guest
    modules, wired together.  ``run_file`` returns the process exit code."""

    def __init__(self, argv=(), stdout=None, stderr=None, max_steps=None, profile=CPYTHON_3_11,
                 audit=False, fast_paths=True):
        import sys as host_sys
        from heapsim.interp.modules import builtinsmodule as gb
        from heapsim.interp.types.codeobject import init_code_type
        from heapsim.interp.vm.ceval import Interpreter
        from heapsim.interp.types.exceptions import init_exception_types
        from heapsim.interp.objspace.space import ObjectSpace
        from heapsim.interp.modules.weakrefmodule import make_weakref
        from heapsim.interp.modules.mathmodule import make_math
        from heapsim.objects.core import make_static_type

        self.heap = heap = build_heap(profile, audit=audit)
        if not hasattr(heap, "code_type"):
            init_code_type(heap)
        self.space = sp = ObjectSpace(heap)
        sp.exc_types.update(init_exception_types(heap))
        self.interp = interp = Interpreter(heap, sp, max_steps=max_steps, fast_paths=fast_paths)
        interp.stdout = stdout if stdout is not None else host_sys.stdout
        interp.stderr = stderr if stderr is not None else host_sys.stderr
        gb.install_methods(sp)
        from heapsim.interp.types import genobject as generators
        from heapsim.interp.types.frameobject import init_frame_types
        generators.init_gen_type(heap, interp)
        generators.install_methods(sp)
        init_frame_types(heap)
        from heapsim.interp.methods import attrs as lib_attrs
        lib_attrs.install(sp)
        stream_type = make_static_type("TextIOWrapper", 16, 0, 0, base=heap.object_type,
                                       module="_io")
        heap.register_static_type(stream_type)
        sp.methods["TextIOWrapper"] = {"write": gb.stream_write, "flush": gb.stream_flush}
        self.collector = self._install_collector(heap)
        heap.iterate = sp.iterate
        heap.call_object = self.call_object
        heap.write_unraisable = self.write_unraisable
        self.builtins = gb.make_builtins(sp)
        self.modules = {
            "builtins": self.builtins,
            "sys": gb.make_sys(sp, list(argv), stream_type),
            "gc": gb.make_gc(sp, self.collector),
            "math": make_math(sp),
            # weakref comes last: it leaves the free lists as CPython's start-up does
            # (sysmodule.fill_startup_free_lists), so nothing may allocate after it.
            "weakref": make_weakref(sp, self.builtins),
        }
        # python3 starts with math imported: the start-up stdlib modules hold one more
        # reference than sys.modules does
        self.modules["math"].ob_refcnt += 1
        from heapsim.interp.vm.importer import Importer
        self.importer = Importer(self)
        interp.import_hook = self.importer.import_name
        interp.import_from_error = self.importer.import_from_error
        self.sources = {}
        self.main_code = None
        self.const_table = None
        self._install_sys_import_state(argv)
        self.audit = audit
        if audit:
            from heapsim import reclaim
            reclaim.add_root_provider(heap, self.audit_roots)
            self._rebaseline()
            self._install_audit_safe_points()

    # --- the audit ------------------------------------------------------------------------

    def audit_roots(self):
        """Every reference the host side of the run holds (one entry per reference): the
        running frames (generator frames belong to their generators), the handled-exception
        states, the runtime's modules, the main script's code and its parser-arena
        references, modules being imported."""
        interp = self.interp
        out = []
        f = interp.frame
        while f is not None:
            if f.gen is None:
                _frame_refs(f, out)
            f = f.back
        for e in [interp.exc_info] + interp.exc_prev:
            if e is not None:
                out.append(e)
        seen = set()
        for m in self.modules.values():
            if id(m) not in seen:
                seen.add(id(m))
                out.append(m)
        out.append(self.modules["math"])    # the start-up stdlib modules' reference
        if self.main_code is not None:
            out.append(self.main_code)
        table = self.const_table
        if table is not None:
            code_type = self.heap.code_type
            for obj in table.by_id.values():
                if obj.ob_type is not code_type:
                    out.append(obj)
        for mod, code in self.importer.loading:
            out.append(mod)
            out.append(code)
        return out

    def _install_audit_safe_points(self):
        """Audit after collections at safe points.  A collection (automatic, or an explicit
        ``gc.collect()`` anywhere) makes the audit due; it runs at once only at a safe point,
        otherwise the eval loop is asked for its limit check (``check_at``), which it makes
        at frame entry and on backward jumps, and there the audit runs once the run is at a
        safe point.  Costs nothing without ``--audit``."""
        interp = self.interp
        state = self.heap.reclaim
        check_limits = interp.check_limits
        after_collection = state.collector.after_collection

        def after_collection_audit(generation):
            after_collection(generation)
            if state.audit_pending:
                interp.check_at = -1

        def check_limits_audit():
            check_limits()
            if state.audit_pending:
                state.checkpoint()
                if state.audit_pending:
                    interp.check_at = min(interp.check_at, interp.steps + AUDIT_RETRY_STEPS)

        state.collector.after_collection = after_collection_audit
        state.safe_point = self._audit_safe_point
        interp.check_limits = check_limits_audit

    def _audit_safe_point(self):
        """The host holds no reference it does not declare: the running frame is the main
        module's (or none runs), at an instruction boundary.  In a deeper frame the C code
        that called it (a builtin, a slot, ``type.__call__``) may hold references on the
        host stack that no root provider lists."""
        f = self.interp.frame
        return f is None or f.back is None

    def _rebaseline(self):
        """The static objects registered after the reclaim layer was installed (exception
        types, interpreter types, ...) get their audit baseline now: the references held to
        each beyond those of live objects and roots, at the end of start-up."""
        from heapsim.reclaim.audit import references, reference_functions, HEAP_TYPE_REFERENCES
        from heapsim.reclaim.collector import find_function
        heap = self.heap
        state = heap.reclaim
        roots = {}
        for o in state.runtime_roots() + self.audit_roots():
            roots[o] = roots.get(o, 0) + 1
        found = set()
        stack = list(heap.static_objects) + list(roots)
        for lst in heap.gc.lists:
            stack.extend(lst)
        found.update(stack)
        table = reference_functions(heap)
        htr = find_function(*HEAP_TYPE_REFERENCES)
        refs = {}
        while stack:
            o = stack.pop()
            for r in references(o, table, htr):
                refs[r] = refs.get(r, 0) + 1
                if r not in found:
                    found.add(r)
                    stack.append(r)
        for o in heap.static_objects:
            state.baseline[o] = o.ob_refcnt - refs.get(o, 0) - roots.get(o, 0)
        state.late_strs.clear()         # measured above

    def run_audit(self):
        from heapsim import reclaim
        reclaim.audit(self.heap)

    def _install_sys_import_state(self, argv):
        """``sys.modules`` (a guest dict of the modules imported so far) and ``sys.path``
        (the script's directory first, as python3 sets it)."""
        import os
        from heapsim.objects.dictobject import dict_new, dict_setitem
        from heapsim.objects.unicodeobject import intern_string, new_str
        heap = self.heap
        sysmod = self.modules["sys"]
        mods = dict_new(heap)
        for name in ("sys", "builtins", "math"):
            key = new_str(heap, name)
            dict_setitem(heap, mods, key, self.modules[name])
            heap.decref(key)
        script = argv[0] if argv else ""
        first = os.path.dirname(os.path.realpath(script)) if script else os.getcwd()
        path = self.space.newlist([new_str(heap, first)])
        for name, value in (("modules", mods), ("path", path)):
            key = intern_string(heap, name)
            dict_setitem(heap, sysmod.md_dict, key, value)
            heap.decref(key)
            heap.decref(value)

    def new_module_object(self, name, filename):
        """A new module for an imported source file, its dict filled as importlib fills it."""
        import os
        from heapsim.interp.modules.builtinsmodule import new_module
        from heapsim.objects.dictobject import dict_setitem
        from heapsim.objects.unicodeobject import intern_string, new_str
        heap = self.heap
        mod = new_module(self.space, name)
        d = os.path.dirname(filename)
        cached = os.path.join(d, "__pycache__", os.path.basename(filename)[:-3]
                              + ".cpython-311.pyc")
        for key_name, value in (("__package__", new_str(heap, "")),
                                ("__file__", new_str(heap, filename)),
                                ("__cached__", new_str(heap, cached)),
                                ("__builtins__", self.builtins.md_dict)):
            if key_name == "__builtins__":
                value.ob_refcnt += 1
            key = intern_string(heap, key_name)
            dict_setitem(heap, mod.md_dict, key, value)
            heap.decref(key)
            heap.decref(value)
        return mod

    @staticmethod
    def _install_collector(heap):
        """The reclaim layer's collector (``build_heap`` installs the layer)."""
        state = getattr(heap, "reclaim", None)
        return state.collector if state is not None else None

    def import_module(self, name):
        from heapsim.base.errors import Unsupported
        mod = self.modules.get(name)
        if mod is None:
            raise Unsupported(f"import of {name}")
        mod.ob_refcnt += 1
        return mod

    def call_object(self, func, args):
        """The heap's hook for calls from below (gc callbacks, weakref callbacks,
        finalizers): args are borrowed; a guest error arrives as a GuestException."""
        from heapsim.base.errors import GuestError, GuestException
        try:
            return self.space.call(func, list(args), None)
        except GuestError as err:
            raise self.interp.materialize(err) from None

    def write_unraisable(self, exc, context):
        """``PyErr_WriteUnraisable``: report on stderr and release the exception."""
        sp = self.space
        err = self.interp.stderr
        self.flush()
        if context is not None:
            err.write(f"Exception ignored in: {sp.repr_host(context)}\n")
        err.write(self.format_exception(exc))
        self.heap.decref(exc)

    # --- running a program ------------------------------------------------------------

    def run_source(self, source, filename):
        """Compile and run ``source`` as ``__main__``; returns the exit code."""
        from heapsim.base.errors import GuestException
        from heapsim.interp.types.codeobject import ConstantTable
        from heapsim.objects.dictobject import dict_setitem
        from heapsim.objects.unicodeobject import intern_string, new_str
        from heapsim.interp.modules.builtinsmodule import new_module

        heap = self.heap
        sp = self.space
        try:
            from heapsim.interp.types.codeobject import compile_main
            host_code = compile_main(source, filename, self.interp.stderr)
        except SyntaxError as e:
            import traceback
            if isinstance(e, IndentationError) and e.offset is not None:
                e.end_offset = e.offset + 1     # the C printer marks one column here
            self.interp.stderr.write("".join(traceback.format_exception_only(e)))
            return 1
        self.source_lines = source.splitlines()
        self.filename = filename
        table = ConstantTable(heap, arena_refs=True)
        code = table.code(host_code)
        self.const_table = table
        self.main_code = code
        main = new_module(sp, "__main__")
        self.modules["__main__"] = main
        from heapsim.objects.dictobject import dict_getitem
        key = intern_string(heap, "modules")
        mods = dict_getitem(heap, self.modules["sys"].md_dict, key)
        heap.decref(key)
        if mods is not None:
            key = new_str(heap, "__main__")
            dict_setitem(heap, mods, key, main)
            heap.decref(key)
        g = main.md_dict
        from heapsim.objects.dictobject import dict_new
        annotations = dict_new(heap)
        for name, value in (("__annotations__", annotations),
                            ("__builtins__", self.builtins), ("__file__", None),
                            ("__cached__", heap.none)):
            key = intern_string(heap, name)
            if value is None:
                value = new_str(heap, filename)
            else:
                value.ob_refcnt += 1
            dict_setitem(heap, g, key, value)
            heap.decref(key)
            heap.decref(value)
        heap.decref(annotations)
        try:
            res = self.interp.run_module(code, g, self.builtins.md_dict)
            heap.decref(res)
            status = 0
        except GuestException as ge:
            status = self.handle_uncaught(ge.exc)
        from heapsim.interp.modules.weakrefmodule import run_atexit
        run_atexit(self)        # Py_FinalizeEx's atexit step: weakref.finalize's _exitfunc
        self.flush()
        if self.audit:
            self.run_audit()
        return status

    def flush(self):
        for s in (self.interp.stdout, self.interp.stderr):
            try:
                s.flush()
            except Exception:
                pass

    def handle_uncaught(self, exc):
        sp = self.space
        heap = self.heap
        if exc.ob_type is sp.exc_types["SystemExit"]:
            code = exc.extra
            if code is None or code is heap.none:
                status = 0
            elif code.ob_type in (heap.int_type, heap.bool_type):
                status = code.value & 0xFF if code.value >= 0 else code.value & 0xFF
            else:
                self.flush()
                self.interp.stderr.write(sp.str_host(code) + "\n")
                status = 1
            heap.decref(exc)
            return status
        self.flush()
        self.interp.stderr.write(self.format_exception(exc))
        heap.decref(exc)
        return 1

    def format_exception(self, exc):
        from heapsim.interp.vm.traceback import format_exception
        return format_exception(self.space, exc, self._source_line)

    def _source_line(self, filename, line):
        if filename == getattr(self, "filename", None):
            lines = self.source_lines
            if 1 <= line <= len(lines):
                return lines[line - 1] + "\n"
            return ""
        lines = self.sources.get(filename)
        if lines is not None:
            return lines[line - 1] + "\n" if 1 <= line <= len(lines) else ""
        import linecache
        return linecache.getline(filename, line)


# How often (in instructions) the eval loop looks again for a safe point while an audit is due.
AUDIT_RETRY_STEPS = 5000


def _frame_refs(f, out):
    if f.func is not None:
        out.append(f.func)
    out.append(f.code)
    out.extend(o for o in f.localsplus if o is not None)
    out.extend(o for o in f.stack if o is not None)
    if f.fobj is not None:
        out.append(f.fobj)

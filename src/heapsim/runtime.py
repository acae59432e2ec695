"""The composition root: builds the allocator, the heap, the collector and the interpreter
for one run, and wires the hooks each lower layer leaves for the one above.

Nothing else constructs these pieces together; tests and tools call ``build_heap`` and
``Runtime`` rather than assembling layers by hand.
"""

import linecache
import signal
import sys as host_sys
import traceback

from heapsim import reclaim
from heapsim.base.config import CPYTHON_3_11
from heapsim.base.errors import GuestError, GuestException
from heapsim.interp.methods import (
    attrs, bytes_methods, dict_methods, list_methods, number_methods, set_methods, str_methods,
)
from heapsim.interp.modules import bltinmodule, table
from heapsim.interp.modules.modsupport import new_module
from heapsim.interp.modules.weakrefmodule import run_atexit
from heapsim.interp.objspace.space import ObjectSpace
from heapsim.interp.types import genobject
from heapsim.interp.types.codeobject import ConstantTable, compile_main, init_code_type
from heapsim.interp.types.exceptions import init_exception_types, is_subtype
from heapsim.interp.types.frameobject import init_frame_types, owned_locals
from heapsim.interp.vm.ceval import Interpreter
from heapsim.interp.vm.importer import Importer
from heapsim.interp.vm.traceback import format_exception
from heapsim.memory.obmalloc import Pymalloc
from heapsim.objects.bootstrap import create_heap
from heapsim.objects.dictobject import dict_new, dict_setitem
from heapsim.objects.unicodeobject import intern_string, new_str
from heapsim.reclaim.audit import reference_functions, references


def build_heap(profile=CPYTHON_3_11, *, audit=False):
    """A heap on a fresh simulated pymalloc, with the reclaim layer installed."""
    heap = create_heap(Pymalloc(profile.memory), profile)
    reclaim.install(heap, audit=audit)
    return heap


def install_types(sp, interp):
    """The interpreter's types and the builtin types' methods: code, exception, generator and
    frame types, the method tables and attribute hooks, the builtin constructors."""
    heap = sp.heap
    for mod in (str_methods, bytes_methods, list_methods, dict_methods, set_methods,
                number_methods, bltinmodule):
        mod.install(sp)
    genobject.init_gen_type(heap, interp)
    genobject.install_methods(sp)
    init_frame_types(heap)
    attrs.install(sp)


class Runtime:
    """One run of a guest program: heap, collector, object space, interpreter and the guest
    modules, wired together.  ``run_source`` returns the process exit code."""

    def __init__(self, argv=(), stdout=None, stderr=None, max_steps=None, profile=CPYTHON_3_11,
                 audit=False, fast_paths=True):
        self.heap = heap = build_heap(profile, audit=audit)
        init_code_type(heap)
        self.space = sp = ObjectSpace(heap)
        sp.exc_types.update(init_exception_types(heap))
        self.interp = interp = Interpreter(heap, sp, max_steps=max_steps, fast_paths=fast_paths)
        interp.stdout = stdout if stdout is not None else host_sys.stdout
        interp.stderr = stderr if stderr is not None else host_sys.stderr
        interp.argv = list(argv)
        install_types(sp, interp)
        self.collector = heap.reclaim.collector
        heap.iterate = sp.iterate
        heap.call_object = self.call_object
        heap.write_unraisable = self.write_unraisable
        # the modules the runtime holds (one reference each): the table's start-up modules,
        # then __main__
        self.modules = interp.modules = {}
        self.importer = Importer(self)
        table.create_startup_modules(sp)
        self.builtins = self.modules["builtins"]
        self.importer.install_sys_state(argv)
        self.sources = {}          # file name -> source lines of the imported modules
        self.filename = None       # the main script's, and its source lines
        self.source_lines = []
        self.main_code = None
        self.const_table = None
        self.audit = audit
        if audit:
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
        out.append(self.modules[table.EXTRA_STARTUP_REFERENCE])
        if self.main_code is not None:
            out.append(self.main_code)
        consts = self.const_table
        if consts is not None:
            code_type = self.heap.code_type
            for obj in consts.by_id.values():
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

        def check_limits_audit(entry=False):
            check_limits(entry)
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
        functions = reference_functions(heap)
        refs = {}
        while stack:
            o = stack.pop()
            for r in references(o, functions):
                refs[r] = refs.get(r, 0) + 1
                if r not in found:
                    found.add(r)
                    stack.append(r)
        for o in heap.static_objects:
            state.baseline[o] = o.ob_refcnt - refs.get(o, 0) - roots.get(o, 0)
        state.late_strs.clear()         # measured above

    def run_audit(self):
        reclaim.audit(self.heap)

    def call_object(self, func, args):
        """The heap's hook for calls from below (gc callbacks, weakref callbacks,
        finalizers): args are borrowed; a guest error arrives as a GuestException."""
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
        heap = self.heap
        sp = self.space
        try:
            host_code = compile_main(source, filename, self.interp.stderr)
        except SyntaxError as e:
            if isinstance(e, IndentationError) and e.offset is not None:
                e.end_offset = e.offset + 1     # the C printer marks one column here
            self.interp.stderr.write("".join(traceback.format_exception_only(e)))
            return 1
        self.source_lines = source.splitlines()
        self.filename = filename
        consts = ConstantTable(heap, arena_refs=True)
        code = consts.code(host_code)
        self.const_table = consts
        self.main_code = code
        main = new_module(sp, "__main__")
        self.modules["__main__"] = main
        mods = self.importer.sys_attr("modules")
        if mods is not None:
            key = new_str(heap, "__main__")
            dict_setitem(heap, mods, key, main)
            heap.decref(key)
        g = main.md_dict
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
        """What ``python3`` does with an exception that ends the program; the exit status.

        SystemExit (or a subclass): its ``code`` attribute, as ``_Py_HandleSystemExit`` reads
        it: None is 0; an int is the C ``exit()`` status of its value (one that does not fit
        a C long is -1, so 255); anything else is printed on stderr, status 1.  An uncaught
        KeyboardInterrupt (that type exactly) prints its traceback, then the process ends by
        SIGINT: the status is ``-SIGINT``, as ``subprocess`` reports such an end.  Anything
        else prints its traceback, status 1."""
        sp = self.space
        heap = self.heap
        exc_types = sp.exc_types
        if is_subtype(exc.ob_type, exc_types["SystemExit"]):
            status = self._system_exit_status(exc)
            heap.decref(exc)
            return status
        self.flush()
        self.interp.stderr.write(self.format_exception(exc))
        status = -signal.SIGINT if exc.ob_type is exc_types["KeyboardInterrupt"] else 1
        heap.decref(exc)
        return status

    def _system_exit_status(self, exc):
        sp = self.space
        heap = self.heap
        try:
            code = sp.getattr(exc, "code")
        except (GuestError, GuestException) as err:   # CPython prints the exception then
            self._drop(err)
            code = exc
            code.ob_refcnt += 1
        try:
            if code is heap.none:
                return 0
            if is_subtype(code.ob_type, heap.int_type):
                value = code.value
                return value & 0xFF if -(1 << 63) <= value < (1 << 63) else 0xFF
            self.flush()
            try:
                text = sp.str_host(code)
            except (GuestError, GuestException) as err:
                self._drop(err)
                return 1
            self.interp.stderr.write(text + "\n")
            return 1
        finally:
            heap.decref(code)

    def _drop(self, err):
        """Forget a guest error raised while the program ends (CPython clears it)."""
        if isinstance(err, GuestException):
            self.heap.decref(err.exc)

    def format_exception(self, exc):
        return format_exception(self.space, exc, self._source_line)

    def _source_line(self, filename, line):
        if filename == self.filename:
            lines = self.source_lines
            if 1 <= line <= len(lines):
                return lines[line - 1] + "\n"
            return ""
        lines = self.sources.get(filename)
        if lines is not None:
            return lines[line - 1] + "\n" if 1 <= line <= len(lines) else ""
        return linecache.getline(filename, line)


# How often (in instructions) the eval loop looks again for a safe point while an audit is due.
AUDIT_RETRY_STEPS = 5000


def _frame_refs(f, out):
    if owned_locals(f) is not None:
        out.append(f.locals)
    if f.func is not None:
        out.append(f.func)
    out.append(f.code)
    out.extend(o for o in f.localsplus if o is not None)
    out.extend(o for o in f.stack if o is not None)
    if f.fobj is not None:
        out.append(f.fobj)

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
                 audit=False):
        import sys as host_sys
        from heapsim.interp import builtins as gb
        from heapsim.interp.code import init_code_type
        from heapsim.interp.eval import Interpreter
        from heapsim.interp.exceptions import init_exception_types
        from heapsim.interp.space import ObjectSpace
        from heapsim.interp.weakrefmodule import make_weakref
        from heapsim.objects.core import make_static_type

        self.heap = heap = build_heap(profile, audit=audit)
        if not hasattr(heap, "code_type"):
            init_code_type(heap)
        self.space = sp = ObjectSpace(heap)
        sp.exc_types.update(init_exception_types(heap))
        self.interp = interp = Interpreter(heap, sp, max_steps=max_steps)
        interp.stdout = stdout if stdout is not None else host_sys.stdout
        interp.stderr = stderr if stderr is not None else host_sys.stderr
        gb.install_methods(sp)
        from heapsim.interp import generators
        from heapsim.interp.frameobject import init_frame_types
        generators.init_gen_type(heap, interp)
        generators.install_methods(sp)
        init_frame_types(heap)
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
            "weakref": make_weakref(sp),
        }
        interp.import_hook = self.import_module

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
        from heapsim.interp.code import ConstantTable
        from heapsim.objects.dictobject import dict_setitem
        from heapsim.objects.unicodeobject import intern_string, new_str
        from heapsim.interp.builtins import new_module

        heap = self.heap
        sp = self.space
        try:
            host_code = compile(source, filename, "exec", dont_inherit=True)
        except SyntaxError as e:
            import traceback
            self.interp.stderr.write("".join(traceback.format_exception_only(e)))
            return 1
        self.source_lines = source.splitlines()
        self.filename = filename
        table = ConstantTable(heap, arena_refs=True)
        code = table.code(host_code)
        main = new_module(sp, "__main__")
        self.modules["__main__"] = main
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
        self.flush()
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

    def format_exception(self, exc, seen=None):
        sp = self.space
        seen = set() if seen is None else seen
        seen.add(id(exc))
        out = []
        if exc.cause is not None and id(exc.cause) not in seen:
            out.append(self.format_exception(exc.cause, seen))
            out.append("\nThe above exception was the direct cause of the following "
                       "exception:\n\n")
        elif (exc.context is not None and not exc.suppress_context
              and id(exc.context) not in seen):
            out.append(self.format_exception(exc.context, seen))
            out.append("\nDuring handling of the above exception, another exception "
                       "occurred:\n\n")
        from heapsim.interp.frameobject import traceback_entries
        entries = traceback_entries(exc)
        if entries:
            out.append("Traceback (most recent call last):\n")
            for dc, index in entries:
                line = dc.line_of(index)
                out.append(f'  File "{dc.filename}", line {line}, in {dc.name}\n')
                text = self._source_line(dc.filename, line)
                if text:
                    out.append(f"    {text}\n")
        msg = sp.str_host(exc)
        name = exc.ob_type.name
        if exc.ob_type.module not in ("builtins", "__main__"):
            name = f"{exc.ob_type.module}.{name}"
        out.append(f"{name}: {msg}\n" if msg else f"{name}\n")
        return "".join(out)

    def _source_line(self, filename, line):
        if filename == getattr(self, "filename", None):
            lines = self.source_lines
            if 1 <= line <= len(lines):
                return lines[line - 1].strip()
            return ""
        import linecache
        return linecache.getline(filename, line).strip()

"""``compile``, ``exec`` and ``eval`` (Python/bltinmodule.c's ``builtin_compile_impl``,
``builtin_exec_impl``, ``builtin_eval_impl``; Python/pythonrun.c's ``PyRun_StringFlags``).

Source text is compiled by the host's compiler (CPython 3.11's: the same bytecode, the same
SyntaxError texts); the host code object becomes a guest code object through a
``ConstantTable`` of its own, so the constants of separate compilations are separate objects
except where CPython shares them (interned identifier-like strings, the static small ints and
one-character strings).

``exec`` and ``eval`` of a *string* run it while the parser's AST arena is alive, as
``PyRun_StringFlags`` does: each literal constant carries one more reference until the code
returns (docs/cpython-facts.md §3); ``compile`` frees its arena before returning, so a code
object made by ``compile`` carries none.

The namespaces are CPython's: no globals means the caller's globals and (without locals) the
caller's locals (``PyEval_GetLocals``: the namespace of module and class code, the frame's
locals dict of a function); globals without locals serve as both; a globals dict without
``__builtins__`` gets the running builtins dict under that key.  The code runs in a function
object made as ``PyEval_EvalCode`` makes it, whose builtins are ``globals['__builtins__']``
(a module stands for its dict).
"""

import linecache
import warnings

from heapsim.base.errors import GuestError, GuestException, Unsupported
from heapsim.interp.methods.args import as_index
from heapsim.interp.methods.clinic import METH_FASTCALL, METH_KEYWORDS, builtin
from heapsim.interp.types.codeobject import ConstantTable
from heapsim.interp.types.exceptions import new_exception
from heapsim.interp.types.frameobject import frame_locals, new_frame
from heapsim.objects.cellobject import CellObject
from heapsim.objects.dictobject import dict_getitem, dict_setitem
from heapsim.objects.funcobject import function_from_constructor
from heapsim.objects.moduleobject import ModuleObject
from heapsim.objects.unicodeobject import intern_string
from heapsim.reclaim import add_root_provider

# compile()'s flags (Include/cpython/compile.h, Include/cpython/code.h): the future features'
# (PyCF_MASK), the obsolete CO_NESTED, and the compiler's own (PyCF_COMPILE_MASK)
PyCF_MASK = 0x20000 | 0x40000 | 0x80000 | 0x100000 | 0x200000 | 0x400000 | 0x800000 | 0x1000000
PyCF_MASK_OBSOLETE = 0x10
PyCF_DONT_IMPLY_DEDENT = 0x200
PyCF_ONLY_AST = 0x400
PyCF_TYPE_COMMENTS = 0x1000
PyCF_ALLOW_TOP_LEVEL_AWAIT = 0x2000
PyCF_ALLOW_INCOMPLETE_INPUT = 0x4000
PyCF_COMPILE_MASK = (PyCF_ONLY_AST | PyCF_ALLOW_TOP_LEVEL_AWAIT | PyCF_TYPE_COMMENTS
                     | PyCF_DONT_IMPLY_DEDENT | PyCF_ALLOW_INCOMPLETE_INPUT)

MODES = ("exec", "eval", "single", "func_type")


class LiveArenas:
    """The ``exec``/``eval`` strings running now, innermost last, as (code, constant table)
    pairs: the code objects and the parser arenas' references the host holds until each
    string's code returns (a root provider for the audit)."""

    def __init__(self):
        self.running = []

    def roots(self):
        out = []
        for code, consts in self.running:
            out.append(code)
            out.extend(consts.arena_held)
        return out


# --- compiling ----------------------------------------------------------------------------

def source_text(sp, source, funcname, what):
    """``_Py_SourceAsString``: the host str or bytes of a source argument."""
    heap = sp.heap
    tp = source.ob_type
    if tp is heap.str_type:
        return source.value
    if tp is heap.bytes_type or tp is heap.bytearray_type:
        return bytes(source.value)
    raise GuestError("TypeError", f"{funcname}() arg 1 must be a {what} object")


def caller_flags(sp):
    """``PyEval_MergeCompilerFlags``: the future features of the calling code."""
    f = sp.interp.frame
    if f is None:
        return 0
    return f.code.host.co_flags & PyCF_MASK


def host_compile(sp, text, filename, mode, flags, optimize=-1):
    """The host compiler on text: a host code object, or the guest SyntaxError (or
    ValueError) python3 raises.  Compiler warnings are written to the guest's stderr as the
    warnings module shows them for a compile() call."""
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("default")
            code = compile(text, filename, mode, flags, dont_inherit=True, optimize=optimize)
    except SyntaxError as e:
        raise guest_syntax_error(sp, e) from None
    except (ValueError, TypeError, OverflowError, MemoryError, RecursionError,
            UnicodeError) as e:
        kind = type(e).__name__
        raise GuestError(kind if kind in sp.exc_types else "SystemError", str(e)) from None
    for w in caught:
        if issubclass(w.category, (DeprecationWarning, PendingDeprecationWarning)):
            continue        # the default filters ignore them outside __main__
        text_ = f"{w.filename}:{w.lineno}: {w.category.__name__}: {w.message}\n"
        line = linecache.getline(w.filename, w.lineno).strip()
        if line:
            text_ += f"  {line}\n"
        sp.interp.stderr.write(text_)
    return code


def guest_syntax_error(sp, e):
    """The GuestException of the guest SyntaxError (IndentationError, TabError) for the
    host compiler's exception e, with its arguments converted."""
    heap = sp.heap
    tp = sp.exc_types.get(type(e).__name__, sp.exc_types["SyntaxError"])
    args = sp.wrap(tuple(e.args))
    exc = new_exception(heap, tp, args)
    heap.decref(args)
    sp.interp.set_context(exc)
    return GuestException(exc)


def to_guest_code(sp, host_code, arena):
    """A new guest code object for host_code; with ``arena`` its constant table keeps the
    parser arena's references (released by ``release_arena``)."""
    consts = ConstantTable(sp.heap, arena_refs=arena)
    code = consts.code(host_code)
    if arena:
        code_type = sp.heap.code_type
        consts.arena_held = [o for o in consts.by_id.values() if o.ob_type is not code_type]
    return code, consts


def release_arena(heap, consts):
    held = consts.arena_held
    consts.arena_held = []
    for o in held:
        heap.decref(o)


@builtin("compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1, *, "
         "_feature_version=-1)", METH_FASTCALL | METH_KEYWORDS)
def builtin_compile(sp, self, source, filename, mode, flags=None, dont_inherit=None,
                    optimize=None, _feature_version=None):
    heap = sp.heap
    fname = _fs_path(sp, filename)
    if mode.ob_type is not heap.str_type:
        raise GuestError("TypeError", f"compile() argument 'mode' must be str, not "
                         f"{mode.ob_type.name}")
    iflags = _int_arg(sp, flags, 0)
    inherit = dont_inherit is None or not _int_arg(sp, dont_inherit, 0)
    iopt = _int_arg(sp, optimize, -1)
    if iflags & ~(PyCF_MASK | PyCF_MASK_OBSOLETE | PyCF_COMPILE_MASK):
        raise GuestError("ValueError", "compile(): unrecognised flags")
    if not -1 <= iopt <= 2:
        raise GuestError("ValueError", "compile(): invalid optimize value")
    if inherit:
        iflags |= caller_flags(sp)
    m = mode.value
    if m not in MODES:
        raise GuestError("ValueError", "compile() mode must be 'exec', 'eval' or 'single'")
    if m == "func_type" and not iflags & PyCF_ONLY_AST:
        raise GuestError("ValueError", "compile() mode 'func_type' requires flag "
                         "PyCF_ONLY_AST")
    if iflags & PyCF_ONLY_AST:
        raise Unsupported("compile() to an AST (ast objects)")
    text = source_text(sp, source, "compile", "string, bytes or AST")
    host_code = host_compile(sp, text, fname, m, iflags, iopt)
    code, _ = to_guest_code(sp, host_code, False)
    return code


def _fs_path(sp, filename):
    """``PyUnicode_FSDecoder``: str or bytes (os.PathLike is not modelled)."""
    heap = sp.heap
    tp = filename.ob_type
    if tp is heap.str_type:
        return filename.value
    if tp is heap.bytes_type:
        return bytes(filename.value).decode("utf-8", "surrogateescape")
    raise GuestError("TypeError", f"expected str, bytes or os.PathLike object, not {tp.name}")


def _int_arg(sp, obj, default):
    return default if obj is None else as_index(sp, obj)


# --- running ------------------------------------------------------------------------------

def caller_locals(sp):
    """``PyEval_GetLocals``: the calling frame's locals (borrowed)."""
    return frame_locals(sp.heap, sp.interp.frame)


def caller_namespaces(sp):
    """``PyEval_GetGlobals`` and ``PyEval_GetLocals`` of the calling frame (borrowed)."""
    return sp.interp.frame.globals, caller_locals(sp)


def ensure_builtins(sp, globals_):
    """A globals dict without ``__builtins__`` gets the running builtins dict."""
    heap = sp.heap
    key = intern_string(heap, "__builtins__")
    try:
        if dict_getitem(heap, globals_, key) is None:
            dict_setitem(heap, globals_, key, sp.interp.frame.builtins)
    finally:
        heap.decref(key)


def builtins_from_globals(sp, globals_):
    """``_PyEval_BuiltinsFromGlobals`` (borrowed)."""
    heap = sp.heap
    key = intern_string(heap, "__builtins__")
    b = dict_getitem(heap, globals_, key)
    heap.decref(key)
    if b is None:
        return sp.interp.frame.builtins
    if isinstance(b, ModuleObject):
        return b.md_dict
    if b.ob_type is not heap.dict_type:
        raise Unsupported("__builtins__ that is neither a dict nor a module")
    return b


def eval_code(sp, code, globals_, locals_, closure=None):
    """``PyEval_EvalCode`` (``PyEval_EvalCodeEx`` with a closure): a new reference to the
    result.  All arguments are borrowed."""
    heap = sp.heap
    if locals_.ob_type is not heap.dict_type:
        raise Unsupported(f"exec()/eval() with locals of type {locals_.ob_type.name}")
    builtins = builtins_from_globals(sp, globals_)
    func = function_from_constructor(heap, globals_, builtins, code.co_name, code.co_name,
                                     code, closure=closure)
    return sp.interp.run_frame(new_frame(func, [], locals_))


def run_string(sp, text, mode, globals_, locals_):
    """``PyRun_StringFlags``: compile text as ``<string>`` and run it while its arena lives."""
    heap = sp.heap
    host_code = host_compile(sp, text, "<string>", mode, caller_flags(sp))
    code, consts = to_guest_code(sp, host_code, True)
    running = sp.live_arenas.running
    entry = (code, consts)
    running.append(entry)
    try:
        return eval_code(sp, code, globals_, locals_)
    finally:
        running.remove(entry)
        heap.decref(code)
        release_arena(heap, consts)


def _namespaces(sp, globals_, locals_):
    none = sp.heap.none
    if globals_ is None or globals_ is none:
        g, caller_locals = caller_namespaces(sp)
        if locals_ is None or locals_ is none:
            locals_ = caller_locals
        return g, locals_
    if locals_ is None or locals_ is none:
        locals_ = globals_
    return globals_, locals_


def _is_mapping(sp, obj):
    """``PyMapping_Check``: the type has ``__getitem__`` (a mapping or sequence subscript)."""
    heap = sp.heap
    if obj.ob_type is heap.dict_type:
        return True
    r = sp.special_method(obj, "__getitem__")
    if r is None:
        return False
    heap.decref(r)
    return True


def _check_globals(sp, g, who):
    heap = sp.heap
    if g.ob_type is heap.dict_type:
        return
    if sp.isinstance_tp(g, heap.dict_type):
        raise Unsupported(f"{who}() with globals of a dict subclass")
    if who == "exec":
        raise GuestError("TypeError", f"exec() globals must be a dict, not {g.ob_type.name}")
    raise GuestError("TypeError", "globals must be a real dict; try eval(expr, {}, mapping)"
                     if _is_mapping(sp, g) else "globals must be a dict")


@builtin("exec(source, globals=None, locals=None, /, *, closure=None)",
         METH_FASTCALL | METH_KEYWORDS)
def builtin_exec(sp, self, source, globals=None, locals=None, closure=None):
    heap = sp.heap
    g, loc = _namespaces(sp, globals, locals)
    _check_globals(sp, g, "exec")
    if not _is_mapping(sp, loc):
        raise GuestError("TypeError", f"locals must be a mapping or None, not "
                         f"{loc.ob_type.name}")
    ensure_builtins(sp, g)
    if closure is heap.none:
        closure = None
    if source.ob_type is heap.code_type:
        nfree = len(source.host.co_freevars)
        if nfree == 0:
            if closure is not None:
                raise GuestError("TypeError", "cannot use a closure with this code object")
        elif closure is None or closure.ob_type is not heap.tuple_type or \
                len(closure.items) != nfree or \
                not all(isinstance(c, CellObject) for c in closure.items):
            raise GuestError("TypeError", f"code object requires a closure of exactly length "
                             f"{nfree}")
        r = eval_code(sp, source, g, loc, closure)
    else:
        if closure is not None:
            raise Unsupported("exec() of a string with a closure argument")
        text = source_text(sp, source, "exec", "string, bytes or code")
        r = run_string(sp, text, "exec", g, loc)
    heap.decref(r)
    return sp.none()


@builtin("eval(source, globals=None, locals=None, /)", METH_FASTCALL)
def builtin_eval(sp, self, source, globals=None, locals=None):
    heap = sp.heap
    none = heap.none
    if locals is not None and locals is not none and not _is_mapping(sp, locals):
        raise GuestError("TypeError", "locals must be a mapping")
    if globals is not None and globals is not none:
        _check_globals(sp, globals, "eval")
    g, loc = _namespaces(sp, globals, locals)
    ensure_builtins(sp, g)
    if source.ob_type is heap.code_type:
        if source.host.co_freevars:
            raise GuestError("TypeError", "code object passed to eval() may not contain free "
                             "variables")
        return eval_code(sp, source, g, loc)
    text = source_text(sp, source, "eval", "string, bytes or code")
    text = text.lstrip(" \t") if isinstance(text, str) else text.lstrip(b" \t")
    return run_string(sp, text, "eval", g, loc)


def display_value(sp, value):
    """``sys.displayhook(value)`` for PRINT_EXPR: the program's hook if it set one, else
    ``sys_displayhook``: nothing for None, else ``builtins._`` cleared, ``repr(value)``
    written to stdout, and ``builtins._`` bound to value."""
    heap = sp.heap
    modules = sp.interp.modules
    key = intern_string(heap, "displayhook")
    hook = dict_getitem(heap, modules["sys"].md_dict, key)
    heap.decref(key)
    if hook is not None:
        heap.decref(sp.call(hook, [value], None))
        return
    if value is heap.none:
        return
    bdict = modules["builtins"].md_dict
    key = intern_string(heap, "_")
    try:
        dict_setitem(heap, bdict, key, heap.none)
        text = sp.repr_host(value)
        sp.interp.stdout.write(text + "\n")
        dict_setitem(heap, bdict, key, value)
    finally:
        heap.decref(key)


EXEC_FUNCTIONS = {"compile": builtin_compile, "exec": builtin_exec, "eval": builtin_eval}


def code_repr(sp, co):
    """``code_repr``."""
    host = co.host
    return (f'<code object {host.co_name} at {co.addr:#x}, file "{host.co_filename}", '
            f'line {host.co_firstlineno}>')


def install(sp):
    """The space's live arenas (and their audit roots), code objects' repr."""
    sp.heap.code_type.tp_repr = code_repr
    sp.live_arenas = LiveArenas()
    add_root_provider(sp.heap, sp.live_arenas.roots)

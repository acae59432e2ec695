"""Simulated code objects and the conversion of a compilation's constants.

The host's ``compile()`` is CPython 3.11's compiler, so its code objects already have 3.11's
bytecode and 3.11's constant de-duplication: equal constants of one compilation are the *same*
host object (``merge_consts_recursive``).  ``ConstantTable`` maps each host constant, by
identity, to one simulated object, so sharing on the simulated heap is exactly CPython's.
Strings that ``all_name_chars`` accepts are interned, as ``intern_string_constants`` does.

For the main script, every literal constant carries one more reference, held in CPython by
the parser's AST arena until the module finishes (docs/cpython-facts.md §3): ``arena_refs``
adds it.
"""

import warnings

from heapsim.base.errors import Unsupported
from heapsim.interp.types.decode import decode
from heapsim.objects.core import PyObject, make_static_type
from heapsim.objects.floatobject import new_float
from heapsim.objects.complexobject import new_complex
from heapsim.objects.longobject import new_int
from heapsim.objects.bytesobject import new_bytes
from heapsim.objects.setobject import frozenset_new
from heapsim.objects.tupleobject import tuple_new
from heapsim.objects.unicodeobject import intern_constant, intern_string, new_str, all_name_chars

# sizeof(PyCodeObject) of 64-bit 3.11 (its one-unit ``co_code_adaptive`` included); a code
# object is a variable-size object of 2-byte code units: ``_PyObject_VAR_SIZE``
CODE_BASICSIZE = 184


def code_size(host_code):
    """``_PyObject_VAR_SIZE`` of a code object: what it allocates and ``__sizeof__``."""
    return (CODE_BASICSIZE + len(host_code.co_code) + 7) & ~7


def compile_main(source, filename, stderr):
    """The host compiler on the main script, with the compiler's warnings (``SyntaxWarning``
    for ``is`` with a literal, ...) written to the guest's stderr as python3's default
    warning filter shows them: once per location, ``file:line: Category: message`` and the
    stripped source line."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("default")
        code = compile(source, filename, "exec", dont_inherit=True)
    if caught:
        lines = source.splitlines()
        seen = set()
        for w in caught:
            key = (str(w.message), w.category, w.lineno)
            if key in seen:
                continue
            seen.add(key)
            text = f"{w.filename}:{w.lineno}: {w.category.__name__}: {w.message}\n"
            if 1 <= w.lineno <= len(lines) and lines[w.lineno - 1].strip():
                text += f"  {lines[w.lineno - 1].strip()}\n"
            stderr.write(text)
    return code


class CodeObject(PyObject):
    """A simulated ``PyCodeObject``: the decoded instructions and the simulated constants and
    names the bytecode refers to (``co_consts``, ``co_names`` as host lists of simulated
    objects, each held with one reference by this code object)."""

    __slots__ = ("decoded", "co_consts", "co_names", "localsplus_names", "co_name",
                 "co_qualname", "co_filename", "host", "weaklist")


def init_code_type(heap):
    def code_dealloc(heap, co):
        for obj in co.co_consts:
            heap.decref(obj)
        for obj in co.co_names:
            heap.decref(obj)
        for obj in co.localsplus_names:
            heap.decref(obj)
        for obj in (co.co_name, co.co_qualname, co.co_filename):
            heap.decref(obj)
        heap.free_object(co)

    def code_traverse(co):
        return list(co.co_consts) + list(co.co_names) + list(co.localsplus_names) + [
            co.co_name, co.co_qualname, co.co_filename]

    tp = make_static_type("code", CODE_BASICSIZE, 2, 0, base=heap.object_type,
                          dealloc=code_dealloc, traverse=code_traverse, weakrefable=True,
                          sizeof=lambda co: code_size(co.host))
    heap.register_static_type(tp)
    heap.code_type = tp


class ConstantTable:
    """Host constants of one compilation → simulated objects (by host identity)."""

    def __init__(self, heap, arena_refs=False):
        self.heap = heap
        self.arena_refs = arena_refs
        self.by_id = {}
        self.keep = []          # keeps host constants alive so their ids stay unique

    def convert(self, value):
        """A new reference to the simulated object for host constant ``value``."""
        key = id(value)
        hit = self.by_id.get(key)
        if hit is not None:
            hit.ob_refcnt += 1
            return hit
        obj = self._make(value)
        self.by_id[key] = obj
        self.keep.append(value)
        if self.arena_refs and not isinstance(value, type(compile("0", "", "eval"))):
            obj.ob_refcnt += 1
        return obj

    def _make(self, value):
        heap = self.heap
        if value is None:
            obj = heap.none
        elif value is True:
            obj = heap.true
        elif value is False:
            obj = heap.false
        elif value is Ellipsis:
            obj = heap.ellipsis
        elif type(value) is int:
            return new_int(heap, value)
        elif type(value) is float:
            return new_float(heap, value)
        elif type(value) is complex:
            return new_complex(heap, value)
        elif type(value) is str:
            if all_name_chars(value):
                return intern_constant(heap, value)
            return new_str(heap, value)
        elif type(value) is bytes:
            return new_bytes(heap, value)
        elif type(value) is tuple:
            if not value:
                obj = heap.empty_tuple
            else:
                t = tuple_new(heap, len(value))
                for i, item in enumerate(value):
                    t.items[i] = self.convert(item)
                return t
        elif type(value) is frozenset:
            items = [self.convert(v) for v in value]
            t = tuple_new(heap, len(items))
            if items:
                t.items[:] = items
            obj = frozenset_new(heap, t)
            heap.decref(t)
            return obj
        elif hasattr(value, "co_code"):
            return self.code(value)
        else:
            raise Unsupported(f"constant of type {type(value).__name__}")
        obj.ob_refcnt += 1
        return obj

    def code(self, host_code):
        """A new simulated code object for ``host_code`` (constants converted here)."""
        heap = self.heap
        co = CodeObject.__new__(CodeObject)
        co.ob_refcnt = 1
        co.ob_type = heap.code_type
        co.host = host_code
        co.decoded = decode(host_code)
        co.co_consts = [self.convert(c) for c in host_code.co_consts]
        co.co_names = [intern_string(heap, n) for n in host_code.co_names]
        co.localsplus_names = [intern_string(heap, n) for n in co.decoded.localsplus_names]
        co.co_name = intern_string(heap, host_code.co_name)
        co.co_qualname = intern_string(heap, host_code.co_qualname)
        co.co_filename = new_str(heap, host_code.co_filename)
        co.weaklist = None
        co.addr = heap.alloc(heap.code_type, code_size(host_code))
        return co

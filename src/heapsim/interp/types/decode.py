"""Decoding CPython 3.11 code objects into heapsim's own instruction records.

This is the only module that imports ``dis``.  A host code object (from the host's
``compile()``, which is CPython 3.11's compiler) is decoded once into a ``DecodedCode``: a list
of ``Instruction`` records with the inline CACHE entries dropped, jump targets turned into
instruction indices, line numbers attached, and the exception table turned into
``ExceptionEntry`` records over instruction indices.  The eval loop never looks at bytes.

Offsets are kept as CPython's byte offsets (``offset``), because ``f_lasti`` and the
exception table's ``lasti`` speak in them.
"""

import dis

_JUMPS = frozenset(dis.hasjrel) | frozenset(dis.hasjabs)


class Instruction:
    """One decoded instruction.

    ``arg`` is the raw oparg (after EXTENDED_ARG folding); ``argval`` is what ``dis`` resolves
    it to (a name, a constant, a jump target offset); ``target`` is the instruction index a
    jump goes to (or -1); ``lineno`` is the source line (None for artificial instructions);
    ``positions`` is ``dis.Positions`` (for tracebacks' carets).
    """

    __slots__ = ("opname", "opcode", "arg", "argval", "offset", "index", "lineno",
                 "positions", "target")

    def __repr__(self):
        return f"<{self.index}@{self.offset} {self.opname} {self.arg!r} ({self.argval!r})>"


class ExceptionEntry:
    """An exception-table row: instructions [start, end) jump to ``target`` with the value
    stack cut to ``depth`` (plus the offset of the raising instruction when ``lasti``)."""

    __slots__ = ("start", "end", "target", "depth", "lasti")

    def __init__(self, start, end, target, depth, lasti):
        self.start = start
        self.end = end
        self.target = target
        self.depth = depth
        self.lasti = lasti

    def __repr__(self):
        return (f"ExceptionEntry(start={self.start}, end={self.end}, target={self.target}, "
                f"depth={self.depth}, lasti={self.lasti})")


class DecodedCode:
    """A host code object with its decoded instructions and its ``localsplus`` layout."""

    __slots__ = ("code", "instructions", "exception_table", "offset_to_index",
                 "localsplus_names", "nlocalsplus", "ncells", "nfrees", "cell_indices",
                 "arg_cell_indices", "handlers", "name", "qualname", "filename",
                 "firstlineno", "flags", "argcount", "posonlyargcount", "kwonlyargcount",
                 "stacksize", "nlocals")

    def exception_handler(self, index):
        """The innermost exception-table entry covering instruction ``index``, or None."""
        for entry in self.exception_table:
            if entry.start <= index < entry.end:
                return entry
        return None

    def line_of(self, index):
        """The line number of instruction ``index`` (walking back over artificial ones)."""
        instrs = self.instructions
        while index >= 0:
            line = instrs[index].lineno
            if line is not None:
                return line
            index -= 1
        return self.firstlineno


def _localsplus_names(code):
    names = []
    i = 0
    while True:
        try:
            names.append(code._varname_from_oparg(i))
        except IndexError:
            break
        i += 1
    return names


def decode(code):
    """Decode a host code object (not its nested code objects; decode those on demand)."""
    raw = list(dis.get_instructions(code))
    offset_to_index = {ins.offset: i for i, ins in enumerate(raw)}
    instructions = []
    for i, ins in enumerate(raw):
        rec = Instruction()
        rec.opname = ins.opname
        rec.opcode = ins.opcode
        rec.arg = ins.arg
        rec.argval = ins.argval
        rec.offset = ins.offset
        rec.index = i
        rec.positions = ins.positions
        rec.lineno = ins.positions.lineno if ins.positions is not None else None
        if ins.opcode in _JUMPS and isinstance(ins.argval, int):
            rec.target = offset_to_index[ins.argval]
        else:
            rec.target = -1
        instructions.append(rec)
    table = []
    for entry in dis._parse_exception_table(code):
        start = _index_at_or_after(offset_to_index, entry.start, len(raw))
        end = _index_at_or_after(offset_to_index, entry.end, len(raw))
        table.append(ExceptionEntry(start, end, offset_to_index[entry.target], entry.depth,
                                    entry.lasti))
    dc = DecodedCode()
    dc.code = code
    dc.instructions = instructions
    dc.exception_table = table
    dc.offset_to_index = offset_to_index
    names = _localsplus_names(code)
    dc.localsplus_names = names
    dc.nlocalsplus = len(names)
    dc.nlocals = code.co_nlocals
    dc.nfrees = len(code.co_freevars)
    dc.ncells = len(code.co_cellvars)
    # Slots of cell variables (an argument that is also a cell keeps its argument slot).
    dc.cell_indices = [names.index(n) for n in code.co_cellvars]
    dc.arg_cell_indices = [i for i in dc.cell_indices if i < code.co_argcount
                           + code.co_kwonlyargcount + bool(code.co_flags & 0x4)
                           + bool(code.co_flags & 0x8)]
    dc.handlers = None
    dc.name = code.co_name
    dc.qualname = code.co_qualname
    dc.filename = code.co_filename
    dc.firstlineno = code.co_firstlineno
    dc.flags = code.co_flags
    dc.argcount = code.co_argcount
    dc.posonlyargcount = code.co_posonlyargcount
    dc.kwonlyargcount = code.co_kwonlyargcount
    dc.stacksize = code.co_stacksize
    return dc


def _index_at_or_after(offset_to_index, offset, count):
    """The index of the first instruction at byte offset >= ``offset``."""
    while offset not in offset_to_index:
        offset += 2
        if offset > max(offset_to_index):
            return count
    return offset_to_index[offset]


OPNAMES = tuple(dis.opname)
CMP_OPS = tuple(dis.cmp_op)
BINARY_OPS = tuple(name for name, _ in dis._nb_ops)
# The operator each BINARY_OP oparg stands for: '+', '+=', '//', ...
BINARY_OP_SYMBOLS = tuple(symbol for _, symbol in dis._nb_ops)

"""SyntaxError's fields and text (Objects/exceptions.c's ``SyntaxError_init`` and
``SyntaxError_str``, Python/pythonrun.c's ``print_exception`` for a syntax error).

A guest SyntaxError keeps its arguments as every exception does; its fields (``msg``,
``filename``, ``lineno``, ``offset``, ``text``, ``end_lineno``, ``end_offset``) are read from
them as ``SyntaxError_init`` stores them: ``args[0]`` is the message and a two-argument call's
second argument the location tuple.  An attribute the program stores itself lives in the
instance dict and is found there first.
"""

import traceback as _host_tb

from heapsim.interp.types.exceptions import is_subtype

# the location tuple's fields, in order (``filename, lineno, offset, text`` are required)
LOCATION_FIELDS = ("filename", "lineno", "offset", "text", "end_lineno", "end_offset")
FIELDS = ("msg",) + LOCATION_FIELDS + ("print_file_and_line",)


def is_syntax_error(sp, exc):
    return is_subtype(exc.ob_type, sp.exc_types["SyntaxError"])


def syntax_field(sp, exc, name):
    """The field ``name`` of SyntaxError exc as its arguments give it (borrowed; None when
    the field is NULL, which reads as ``None``)."""
    args = exc.args.items if exc.args is not None else ()
    if name == "msg":
        return args[0] if args else None
    if name == "print_file_and_line" or len(args) != 2:
        return None
    info = args[1]
    items = getattr(info, "items", None)
    if info.ob_type is not sp.heap.tuple_type or not 4 <= len(items) <= 6:
        return None
    j = LOCATION_FIELDS.index(name)
    return items[j] if j < len(items) else None


def _host(sp, obj):
    """A field's host value: str and int payloads, None for NULL or None."""
    heap = sp.heap
    if obj is None or obj is heap.none:
        return None
    if obj.ob_type is heap.str_type:
        return obj.value
    if obj.ob_type is heap.int_type:
        return obj.value
    return sp.str_host(obj)


def syntax_error_str(sp, exc):
    """``SyntaxError_str``: ``msg (file, line N)`` with the file's base name."""
    heap = sp.heap
    msg = syntax_field(sp, exc, "msg")
    text = sp.str_host(msg if msg is not None else heap.none)
    fn = syntax_field(sp, exc, "filename")
    filename = fn.value.rpartition("/")[2] if fn is not None and \
        fn.ob_type is heap.str_type else None
    ln = syntax_field(sp, exc, "lineno")
    lineno = ln.value if ln is not None and ln.ob_type is heap.int_type else None
    if filename is not None and lineno is not None:
        return f"{text} ({filename}, line {lineno})"
    if filename is not None:
        return f"{text} ({filename})"
    if lineno is not None:
        return f"{text} (line {lineno})"
    return text


def format_syntax_error_only(sp, exc, name):
    """The lines python3 prints for an uncaught SyntaxError: the location, the source line
    with its caret, then ``name: msg`` (laid out by the host's traceback module, which
    follows pythonrun.c)."""
    vals = [_host(sp, syntax_field(sp, exc, f)) for f in ("msg",) + LOCATION_FIELDS]
    msg, loc = vals[0], tuple(vals[1:])
    host = SyntaxError(msg, loc) if any(v is not None for v in loc) else SyntaxError(msg)
    lines = _host_tb.format_exception_only(SyntaxError, host)
    last = lines[-1]
    if last.startswith("SyntaxError"):
        lines[-1] = name + last[len("SyntaxError"):]
    return "".join(lines)

"""Printing an uncaught guest exception as CPython 3.11 prints it (``PyErr_Display``).

The entries come from the simulated traceback objects (``frameobject.traceback_entries``);
each is laid out by the host's own ``traceback.StackSummary`` (the host is CPython 3.11, whose
``traceback`` module follows the same rules as Python/traceback.c: the stripped source line,
the ``^``/``~`` caret line when the failing expression does not span the whole line, and the
"[Previous line repeated N more times]" folding of recursive entries).  Chained exceptions are
printed first with CPython's two separator texts.
"""

import traceback as _host_tb

from heapsim.interp.frameobject import traceback_entries

CAUSE_SEP = "\nThe above exception was the direct cause of the following exception:\n\n"
CONTEXT_SEP = ("\nDuring handling of the above exception, another exception occurred:\n\n")


def format_exception(sp, exc, source_line, seen=None):
    """The text CPython writes to stderr for exc; source_line(filename, lineno) gives the
    unstripped source line or ''."""
    seen = set() if seen is None else seen
    seen.add(id(exc))
    out = []
    none = sp.heap.none
    cause = exc.cause if exc.cause is not none else None
    context = exc.context if exc.context is not none else None
    if cause is not None and id(cause) not in seen:
        out.append(format_exception(sp, cause, source_line, seen))
        out.append(CAUSE_SEP)
    elif context is not None and not exc.suppress_context and id(context) not in seen:
        out.append(format_exception(sp, context, source_line, seen))
        out.append(CONTEXT_SEP)
    entries = traceback_entries(exc)
    if entries:
        out.append("Traceback (most recent call last):\n")
        summaries = []
        for dc, index in entries:
            ins = dc.instructions[index]
            line = dc.line_of(index)
            pos = ins.positions
            text = source_line(dc.filename, line)
            if pos is not None and pos.lineno == line:
                fs = _host_tb.FrameSummary(dc.filename, line, dc.name, lookup_line=False,
                                           line=text, end_lineno=pos.end_lineno,
                                           colno=pos.col_offset, end_colno=pos.end_col_offset)
            else:
                fs = _host_tb.FrameSummary(dc.filename, line, dc.name, lookup_line=False,
                                           line=text)
            summaries.append(fs)
        out.extend(_host_tb.StackSummary.from_list(summaries).format())
    out.append(format_exception_only(sp, exc))
    return "".join(out)


def format_exception_only(sp, exc):
    try:
        msg = sp.str_host(exc)
    except Exception:
        msg = "<exception str() failed>"
    tp = exc.ob_type
    name = tp.qualname if getattr(tp, "qualname", None) else tp.name
    module = tp.module
    if module not in ("builtins", "__main__"):
        name = f"{module}.{name}"
    return f"{name}: {msg}\n" if msg else f"{name}\n"

"""Printing an uncaught guest exception as CPython 3.11 prints it (``PyErr_Display``).

The entries come from the simulated traceback objects (``frameobject.traceback_entries``);
each is laid out by the host's own ``traceback.StackSummary`` (the host is CPython 3.11, whose
``traceback`` module follows the same rules as Python/traceback.c: the stripped source line,
the ``^``/``~`` caret line when the failing expression does not span the whole line, and the
"[Previous line repeated N more times]" folding of recursive entries).  Chained exceptions are
printed first with CPython's two separator texts.
"""

import re
import traceback as _host_tb

from heapsim.interp.types.frameobject import TracebackObject, traceback_entries
from heapsim.interp.types.syntaxerr import format_syntax_error_only, is_syntax_error
from heapsim.objects.dictobject import dict_getitem, dict_keys
from heapsim.objects.unicodeobject import intern_string

CAUSE_SEP = "\nThe above exception was the direct cause of the following exception:\n\n"
CONTEXT_SEP = ("\nDuring handling of the above exception, another exception occurred:\n\n")


def format_exception(sp, exc, source_line, seen=None):
    """The text CPython writes to stderr for exc; source_line(filename, lineno) gives the
    unstripped source line or ''."""
    out = []
    _format(sp, exc, source_line, set() if seen is None else seen, _GroupContext(), out)
    return "".join(out)


# pythonrun.c's limits on printing nested exception groups
MAX_GROUP_WIDTH = 15
MAX_GROUP_DEPTH = 10


class _GroupContext:
    """Where the printer is inside nested exception groups (traceback.py's
    ``_ExceptionPrintContext``): the depth gives the indentation and the ``|`` margin."""

    def __init__(self):
        self.depth = 0
        self.need_close = False

    def indent(self):
        return " " * (2 * self.depth)

    def emit(self, out, text, margin="|"):
        if not self.depth:
            out.append(text)
            return
        prefix = self.indent() + margin + " "
        out.append("".join(prefix + line for line in text.splitlines(True)))


def _format(sp, exc, source_line, seen, ctx, out):
    """Append exc's text (its chain first) to out."""
    seen.add(id(exc))
    none = sp.heap.none
    cause = exc.cause if exc.cause is not none else None
    context = exc.context if exc.context is not none else None
    if cause is not None and id(cause) not in seen:
        _format(sp, cause, source_line, seen, ctx, out)
        ctx.emit(out, CAUSE_SEP)
    elif context is not None and not exc.suppress_context and id(context) not in seen:
        _format(sp, context, source_line, seen, ctx, out)
        ctx.emit(out, CONTEXT_SEP)
    stack = _stack_text(exc, source_line)
    members = exc.extra.items if exc.eg_msg is not None else None
    if members is None:
        if stack:
            ctx.emit(out, "Traceback (most recent call last):\n")
            ctx.emit(out, stack)
        ctx.emit(out, format_exception_only(sp, exc))
        return
    if ctx.depth > MAX_GROUP_DEPTH:
        ctx.emit(out, f"... (max_group_depth is {MAX_GROUP_DEPTH})\n")
        return
    toplevel = ctx.depth == 0
    if toplevel:
        ctx.depth += 1
    if stack:
        ctx.emit(out, "Exception Group Traceback (most recent call last):\n",
                 "+" if toplevel else "|")
        ctx.emit(out, stack)
    ctx.emit(out, format_exception_only(sp, exc))
    n = min(len(members), MAX_GROUP_WIDTH + 1)
    ctx.need_close = False
    for i in range(n):
        last = i == n - 1
        if last:
            ctx.need_close = True
        truncated = i >= MAX_GROUP_WIDTH
        title = "..." if truncated else f"{i + 1}"
        out.append(ctx.indent() + ("+-" if i == 0 else "  ") +
                   f"+---------------- {title} ----------------\n")
        ctx.depth += 1
        if not truncated:
            _format(sp, members[i], source_line, seen, ctx, out)
        else:
            remaining = len(members) - MAX_GROUP_WIDTH
            ctx.emit(out, f"and {remaining} more exception{'s' if remaining > 1 else ''}\n")
        if last and ctx.need_close:
            out.append(ctx.indent() + "+------------------------------------\n")
            ctx.need_close = False
        ctx.depth -= 1
    if toplevel:
        ctx.depth = 0


def _stack_text(exc, source_line):
    """exc's traceback entries laid out by the host's ``StackSummary`` ('' without any)."""
    entries = traceback_entries(exc)
    if not entries:
        return ""
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
    return "".join(_host_tb.StackSummary.from_list(summaries).format())


def format_exception_only(sp, exc):
    if is_syntax_error(sp, exc):
        tp = exc.ob_type
        return format_syntax_error_only(sp, exc, tp.name) + _notes_text(sp, exc)
    try:
        msg = sp.str_host(exc)
    except Exception:
        msg = "<exception str() failed>"
    tp = exc.ob_type
    name = tp.qualname if getattr(tp, "qualname", None) else tp.name
    module = tp.module
    if module not in ("builtins", "__main__"):
        name = f"{module}.{name}"
    if tp is sp.exc_types.get("NameError"):
        hint = _name_error_suggestion(sp, exc)
        if hint is not None:
            msg += f". Did you mean: '{hint}'?"
    text = f"{name}: {msg}\n" if msg else f"{name}\n"
    return text + _notes_text(sp, exc)


def _notes_text(sp, exc):
    """``print_exception_notes``: each str note of ``__notes__`` on its own line."""
    h = sp.heap
    d = exc.ex_dict
    if d is None:
        return ""
    k = intern_string(h, "__notes__")
    notes = dict_getitem(h, d, k)
    h.decref(k)
    if notes is None:
        return ""
    if notes.ob_type is not h.list_type and notes.ob_type is not h.tuple_type:
        try:
            return sp.repr_host(notes) + "\n"
        except Exception:
            return "<__notes__ repr() failed>\n"
    out = []
    for n in list(notes.items):
        if sp.isinstance_tp(n, h.str_type):
            out.append(n.value + "\n")
        else:
            try:
                out.append(sp.str_host(n) + "\n")
            except Exception:
                out.append("<note str() failed>\n")
    return "".join(out)


# --- "Did you mean" (Python/suggestions.c) ------------------------------------------------

MAX_CANDIDATE_ITEMS = 750
MAX_STRING_SIZE = 40
MOVE_COST = 2
CASE_COST = 1


def _substitution_cost(a, b):
    if (a & 31) != (b & 31):
        return MOVE_COST
    if a == b:
        return 0
    if 65 <= a <= 90:
        a += 32
    if 65 <= b <= 90:
        b += 32
    return CASE_COST if a == b else MOVE_COST


def _levenshtein(a, b, max_cost):
    """suggestions.c's distance over UTF-8 bytes, with its early exits."""
    while a and b and a[0] == b[0]:
        a, b = a[1:], b[1:]
    while a and b and a[-1] == b[-1]:
        a, b = a[:-1], b[:-1]
    if not a or not b:
        return (len(a) + len(b)) * MOVE_COST
    if len(a) > MAX_STRING_SIZE or len(b) > MAX_STRING_SIZE:
        return max_cost + 1
    if len(b) < len(a):
        a, b = b, a
    if (len(b) - len(a)) * MOVE_COST > max_cost:
        return max_cost + 1
    buf = [MOVE_COST * (i + 1) for i in range(len(a))]
    result = 0
    for bi, code in enumerate(b):
        distance = result = bi * MOVE_COST
        minimum = None
        for i, ca in enumerate(a):
            substitute = distance + _substitution_cost(code, ca)
            distance = buf[i]
            insert_delete = min(result, distance) + MOVE_COST
            result = min(insert_delete, substitute)
            buf[i] = result
            if minimum is None or result < minimum:
                minimum = result
        if minimum > max_cost:
            return max_cost + 1
    return result


def calculate_suggestion(candidates, name):
    """``calculate_suggestions``: the closest candidate (host strs) or None."""
    if len(candidates) >= MAX_CANDIDATE_ITEMS:
        return None
    nb = name.encode("utf-8", "surrogatepass")
    best = None
    best_dist = None
    for item in candidates:
        if item == name:
            continue
        ib = item.encode("utf-8", "surrogatepass")
        max_distance = (len(nb) + len(ib) + 3) * MOVE_COST // 6
        if best_dist is not None:
            max_distance = min(max_distance, best_dist - 1)
        d = _levenshtein(nb, ib, max_distance)
        if d > max_distance:
            continue
        if best is None or d < best_dist:
            best, best_dist = item, d
    return best


def _dict_key_strs(d):
    return [getattr(k, "value", None) if isinstance(getattr(k, "value", None), str) else ""
            for k in dict_keys(d)]


def _name_error_suggestion(sp, exc):
    """``offer_suggestions_for_name_error``: the name comes from the interpreter's message
    (CPython's ``NameError.name``), the candidates from the innermost traceback entry's frame:
    its code's local variable names, its globals, its builtins."""
    args = exc.args.items if exc.args is not None else []
    if len(args) != 1 or not isinstance(getattr(args[0], "value", None), str):
        return None
    m = re.fullmatch(r"name '(.+)' is not defined", args[0].value)
    if m is None:
        return None
    name = m.group(1)
    tb = exc.traceback
    if not isinstance(tb, TracebackObject):
        return None
    while isinstance(tb.tb_next, TracebackObject):
        tb = tb.tb_next
    f = tb.tb_frame.frame
    if f is None:
        return None
    host = getattr(f.code, "host", None)
    if host is not None:
        hint = calculate_suggestion(list(host.co_varnames), name)
        if hint is not None:
            return hint
    for d in (f.globals, f.builtins):
        if d is None or not hasattr(d, "ma_used"):
            continue
        hint = calculate_suggestion(_dict_key_strs(d), name)
        if hint is not None:
            return hint
    return None

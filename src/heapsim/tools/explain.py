"""``heapsim explain PROG.py``: the terminal view (docs/explain.md).

The program runs recorded (tools/recording.py); the record is then told as *items* in time
order (``explain_items``): a ``line`` item per line visit shown, with its *pieces* (the facts
of tools/story.py and the program's output, in the order they happened), ``output`` items for
the output of visits that are not shown one by one, and ``repeats`` items that sum those
visits up (a loop's later rounds).  ``--json`` prints the items and the closing summary;
the text view renders the very same items, in colour on a terminal.
"""

import io
import json
import sys

from heapsim.tools.recording import record_program
from heapsim.tools.story import StoryWalker, plural

EXPLAIN_FORMAT = "heapsim-explain"
EXPLAIN_VERSION = 1
GUTTER = "│ "

# Facts that are always shown in full, even in a repeated visit of a line.
NOTABLE = frozenset(("gc", "gc-done", "finalizer"))

# The rich style of each fact kind (colour output only).
STYLES = {"birth": "green", "death": "red", "temporaries": "dim", "gc": "magenta",
          "gc-done": "bold magenta", "finalizer": "magenta", "call": "blue",
          "return": "blue", "bind": "cyan", "unbind": "yellow", "refcount": "yellow",
          "contents": "cyan", "blocks": "dim", "header": "bold", "repeats": "italic",
          "summary": "bold"}


def explain_items(record, show_all=False):
    """The record told as items (see the module doc) plus the closing summary:
    ``{"items": [...], "summary": {...}}``."""
    steps = record["steps"]
    items = []
    out = {"items": items}
    if not steps:
        if record.get("stderr"):
            items.append({"type": "output", "stream": "stderr", "text": record["stderr"]})
        out["summary"] = None
        return out
    walker = StoryWalker(record)
    startup = {}
    for ev in steps[0]["events"]:
        if ev["k"] == "birth":
            startup[ev["t"]] = startup.get(ev["t"], 0) + 1
        elif ev["k"] in ("stdout", "stderr"):
            items.append({"type": "output", "stream": ev["k"], "text": ev["text"]})
    if len(steps) > 1:
        items.append({"type": "startup", "born": startup,
                      "text": "before the first line: the module, its code and constants: "
                              f"{plural(sum(startup.values()), 'object')} born"})
    lines = {f: text.splitlines() for f, text in record["sources"].items()}
    visits = {}
    pending = {}
    for i in range(1, len(steps)):
        step = steps[i]
        key = (step["file"], step["line"], step["func"])
        visits[key] = visits.get(key, 0) + 1
        pieces = [_piece(p) for p in walker.facts(i)]
        notable = any(p["kind"] in NOTABLE or p["kind"] == "stderr" for p in pieces)
        if show_all or visits[key] == 1 or notable:
            _flush(pending, items)
            items.append(_line_item(step, lines, visits[key], pieces, record["program"]))
            continue
        acc = pending.get(key)
        if acc is None:
            acc = pending[key] = _Repeat(step, lines, record["program"])
        acc.add(pieces)
        for p in pieces:
            if p["kind"] in ("stdout", "stderr"):
                items.append({"type": "output", "stream": p["kind"], "text": p["text"]})
    _flush(pending, items)
    out["summary"] = walker.summary()
    return out


def _piece(p):
    if p[0] == "out":
        return {"kind": p[1], "text": p[2]}
    return p[1]


def _source(lines, step):
    src = lines.get(step["file"], [])
    n = step["line"]
    return src[n - 1].strip() if n and 0 < n <= len(src) else ""


def _where(step, program):
    where = f"line {step['line']}"
    if step["file"] != program:
        where = f"{step['file']}:{step['line']}"
    if step["func"] != "<module>":
        where += f" in {step['func']}"
    return where


def _line_item(step, lines, visit, pieces, program):
    return {"type": "line", "step": step["i"], "file": step["file"], "line": step["line"],
            "func": step["func"], "depth": step["depth"], "visit": visit,
            "source": _source(lines, step), "where": _where(step, program),
            "pieces": pieces}


class _Repeat:
    """What the visits of one line that are not shown one by one did, added up."""

    def __init__(self, step, lines, program):
        self.step = step
        self.source = _source(lines, step)
        self.where = _where(step, program)
        self.visits = 0
        self.born = {}
        self.temporary = {}
        self.freed = {}
        self.kept = 0
        self.binds = 0
        self.calls = 0
        self.stored = 0         # references objects gained (contents facts)
        self.dropped = 0
        self.blocks = [0, 0, 0]

    def add(self, pieces):
        self.visits += 1
        for p in pieces:
            k = p["kind"]
            if k == "birth":
                self.born[p["type"]] = self.born.get(p["type"], 0) + 1
            elif k == "temporaries":
                self.temporary[p["type"]] = self.temporary.get(p["type"], 0) + \
                    len(p["objects"])
            elif k == "death":
                t = p.get("type") or "object"
                self.freed[t] = self.freed.get(t, 0) + 1
                self.kept += p["kept"]
            elif k in ("bind", "unbind"):
                self.binds += 1
            elif k == "call":
                self.calls += 1
            elif k == "contents":
                self.stored += len(p["added"])
                self.dropped += len(p["dropped"])
            elif k == "blocks":
                self.blocks[0] += len(p["allocated"])
                self.blocks[1] += len(p["freed"])
                self.blocks[2] += p["short_lived"]

    def item(self):
        bits = []
        if self.born:
            bits.append("born: " + _counts(self.born))
        if self.temporary:
            bits.append("born and freed within the line: " + _counts(self.temporary))
        if self.freed:
            text = "freed: " + _counts(self.freed)
            if self.kept:
                text += f" ({self.kept:,} kept on free lists)"
            bits.append(text)
        if self.binds:
            bits.append(f"{plural(self.binds, 'name')} bound or deleted")
        if self.calls:
            bits.append(f"{plural(self.calls, 'call')}")
        if self.stored or self.dropped:
            bits.append(f"{self.stored:,} references stored in objects, "
                        f"{self.dropped:,} dropped")
        a, f, s = self.blocks
        if a or f or s:
            bits.append(f"other blocks: {a:,} allocated, {f:,} freed, {s:,} short-lived")
        times = "1 more time" if self.visits == 1 else f"{self.visits:,} more times"
        text = f"{self.where} ran {times}" + (": " + "; ".join(bits) if bits else
                                              " (nothing new for memory)")
        return {"type": "repeats", "file": self.step["file"], "line": self.step["line"],
                "func": self.step["func"], "source": self.source, "visits": self.visits,
                "born": self.born, "temporaries": self.temporary, "freed": self.freed,
                "kept": self.kept, "binds": self.binds, "calls": self.calls,
                "stored": self.stored, "dropped": self.dropped,
                "blocks": {"allocated": a, "freed": f, "short_lived": s}, "text": text}


def _counts(d):
    return ", ".join(f"{n:,} {t}" for t, n in sorted(d.items(), key=lambda kv: (-kv[1],
                                                                                  kv[0])))


def _flush(pending, items):
    for acc in pending.values():
        items.append(acc.item())
    pending.clear()


# --- the summary as sentences ---------------------------------------------------------------

def summary_lines(summary):
    """The closing summary as lines of text."""
    if summary is None:
        return []
    out = ["summary"]
    objs = summary["objects"]
    if objs:
        out.append("  objects made and freed, by type:")
        for t, c in sorted(objs.items(), key=lambda kv: (-kv[1]["made"], str(kv[0]))):
            out.append(f"    {t}: {c['made']:,} made, {c['freed']:,} freed")
    else:
        out.append("  no objects made after start-up")
    b = summary["blocks"]
    out.append(f"  memory blocks in use (as sys.getallocatedblocks() counts them): "
               f"{b['start']:,} at the first line, peak {b['peak']:,} (line {b['peak_line']}), "
               f"{b['end']:,} at exit")
    out.append(f"  bytes in pymalloc blocks and the run's raw blocks: peak {b['peak_bytes']:,} "
               f"(line {b['peak_bytes_line']}), {b['end_bytes']:,} at exit")
    cols = summary["collections"]
    if cols:
        out.append(f"  {plural(len(cols), 'collection')}:")
        for c in cols:
            found = f"{len(c['unreachable'])} unreachable"
            if c["unreachable"]:
                found += f" ({', '.join(c['unreachable'][:8])}" + \
                         (", ...)" if len(c["unreachable"]) > 8 else ")")
            out.append(f"    generation {c['generation']} at line {c['line']}: "
                       f"{c['examined']:,} examined, {found}, {c['collected']} collected, "
                       f"{c['uncollectable']} uncollectable")
    else:
        out.append("  no collections ran")
    alive = summary["alive"]
    if alive:
        out.append(f"  still alive at exit, made by the program ({len(alive)}):")
        for a in alive[:20]:
            held = []
            if a["names"]:
                held.append("named " + ", ".join(a["names"]))
            if a["held_by"]:
                held.append("held by " + ", ".join(a["held_by"]))
            value = f" {a['value']}" if a["value"] else ""
            out.append(f"    {a['object']}{value}: {a['size']:,} bytes, refcount "
                       f"{a['refcount']}" + (f"; {'; '.join(held)}" if held else ""))
        if len(alive) > 20:
            out.append(f"    ... and {len(alive) - 20:,} more")
    else:
        out.append("  nothing the program made is alive at exit")
    return out


# --- rendering ------------------------------------------------------------------------------

class _Writer:
    """Writes view lines (with the gutter, styled when colour is on) and the program's own
    output (verbatim) to one stream; a view line waits while the program is mid-line."""

    def __init__(self, stream, err, color):
        self.stream = stream
        self.err = err
        self.console = None
        if color:
            from rich.console import Console
            self.console = Console(file=stream, force_terminal=True, highlight=False,
                                   soft_wrap=True, emoji=False, markup=False)
        self.mid_line = False
        self.waiting = []

    def view(self, text, style=None):
        if self.mid_line:
            self.waiting.append((text, style))
            return
        self._view(text, style)

    def _view(self, text, style):
        if self.console is None:
            self.stream.write(GUTTER + text + "\n")
            return
        from rich.text import Text
        line = Text(GUTTER, style="dim")
        line.append(text, style=style or "")
        self.console.print(line)

    def output(self, stream_name, text):
        if not text:
            return
        if stream_name == "stderr":
            self.stream.flush()
            self.err.write(text)
            self.err.flush()
            return
        self.stream.write(text)
        self.mid_line = not text.endswith("\n")
        if not self.mid_line and self.waiting:
            waiting, self.waiting = self.waiting, []
            for t, s in waiting:
                self._view(t, s)

    def end(self):
        if self.mid_line:
            self.stream.write("\n")
            self.mid_line = False
        for t, s in self.waiting:
            self._view(t, s)
        self.waiting = []
        self.stream.flush()


def render(result, stream, err, color=False):
    """Write the items and the summary as text."""
    w = _Writer(stream, err, color)
    for item in result["items"]:
        t = item["type"]
        if t == "output":
            w.output(item["stream"], item["text"])
        elif t == "startup":
            w.view(item["text"], "dim")
        elif t == "repeats":
            w.view("↻ " + item["text"], STYLES["repeats"])
        elif t == "line":
            indent = "  " * max(item["depth"] - 1, 0)
            again = f" (visit {item['visit']:,})" if item["visit"] > 1 else ""
            w.view(f"{indent}{item['where']}{again}: {item['source']}", STYLES["header"])
            for p in item["pieces"]:
                if p["kind"] in ("stdout", "stderr"):
                    w.output(p["kind"], p["text"])
                else:
                    w.view(f"{indent}    {p['text']}", STYLES.get(p["kind"]))
    lines = summary_lines(result.get("summary"))
    if lines:
        w.view("")
        w.view(lines[0], STYLES["summary"])
        for line in lines[1:]:
            w.view(line)
    w.end()


def explain(path, argv=(), stdout=None, stderr=None, show_all=False, as_json=False,
            color=None, **limits):
    """Run ``path`` recorded and tell it; return the program's exit code (as ``heapsim
    run``).  ``color`` None: colour when ``stdout`` is a terminal."""
    stdout = stdout if stdout is not None else sys.stdout
    stderr = stderr if stderr is not None else sys.stderr
    rec, code = record_program(path, argv, stdout=io.StringIO(), stderr=io.StringIO(),
                               **limits)
    record = rec.record
    result = explain_items(record, show_all=show_all)
    if as_json:
        doc = {"format": EXPLAIN_FORMAT, "version": EXPLAIN_VERSION,
               "program": record["program"], "exit_code": code, "error": record.get("error"),
               **result}
        json.dump(doc, stdout, indent=1)
        stdout.write("\n")
        return code
    if color is None:
        color = bool(getattr(stdout, "isatty", lambda: False)())
    render(result, stdout, stderr, color=color)
    error = record.get("error")
    if error and record["steps"]:
        stderr.write(error + "\n")
    return code

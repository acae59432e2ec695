"""Running a program file with a recorder attached (the views' common first step)."""

import io

from heapsim.record import FORMAT_NAME, FORMAT_VERSION, Recorder
from heapsim.tools.runner import run_program


DEFAULT_MAX_LINE_STEPS = 500_000


def record_program(path, argv=(), stdout=None, stderr=None, keyframe_every=100,
                   snapshot_steps=(), max_line_steps=DEFAULT_MAX_LINE_STEPS, **limits):
    """Run ``path`` as ``heapsim run`` would, recorded; return (recorder, exit code).

    The program's output goes to ``stdout``/``stderr`` (default: kept only in the record).
    ``limits`` are ``run_program``'s (max_steps, max_heap, timeout, audit);
    ``max_line_steps`` bounds the record (None: no bound).  ``rec.record``
    is the record, also when the program never started (no such file)."""
    rec = Recorder(keyframe_every=keyframe_every, snapshot_steps=snapshot_steps,
                   max_line_steps=max_line_steps)
    out = stdout if stdout is not None else io.StringIO()
    err = stderr if stderr is not None else io.StringIO()
    code = run_program(path, list(argv), stdout=out, stderr=err, observer=rec, **limits)
    if rec.record is None:
        text = err.getvalue() if isinstance(err, io.StringIO) else ""
        rec.record = {"format": FORMAT_NAME, "version": FORMAT_VERSION, "program": path,
                      "sources": {}, "stdout": "", "stderr": text, "exit_code": code,
                      "error": text.strip() or None, "steps": [], "keyframes": []}
    return rec, code

"""Running a piece of guest source for the interactive views (the notebook's ``%%heapsim``
cell and ``heapsim serve``): the source saved as a program file, run recorded under the run
limits, its output capped, ready for ``render_html``.

``python -m heapsim.tools.snippet DIR`` is the worker process ``heapsim serve`` starts for
each run: it reads ``DIR/request.json``, writes ``DIR/page.html`` (the replay) and
``DIR/result.json`` (what the editor page shows besides it), and nothing else.
"""

import dataclasses
import io
import json
import os
import sys
import tempfile

from heapsim.record import FORMAT_NAME, FORMAT_VERSION, Recorder
from heapsim.tools.runner import run_program


@dataclasses.dataclass
class Limits:
    """The limits of one interactive run: instructions, simulated heap bytes, wall seconds
    (the run's own limits, ending it with a ``heapsim:`` message), and the characters of
    stdout and of stderr kept in the record (the rest is cut, with a note saying so)."""

    max_steps: int = 2_000_000
    max_heap: int = 256 << 20
    timeout: float = 10.0
    max_output: int = 1 << 20

    def run_limits(self):
        """``run_program``'s keywords."""
        return {"max_steps": self.max_steps, "max_heap": self.max_heap,
                "timeout": self.timeout}


def record_source(source, name="program.py", limits=None, directory=None):
    """Run ``source`` as the program file ``name`` (in ``directory``, default a fresh
    temporary one, removed afterwards) recorded under ``limits``; return (record, exit code).

    The record's stdout and stderr are capped (``cap_output``)."""
    limits = limits or Limits()
    own_dir = directory is None
    directory = tempfile.mkdtemp(prefix="heapsim-") if own_dir else directory
    os.makedirs(directory, exist_ok=True)
    path = os.path.join(directory, name)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(source)
    out, err = io.StringIO(), io.StringIO()
    rec = Recorder(keyframe_every=100)
    try:
        code = run_program(path, [], stdout=out, stderr=err, observer=rec,
                           **limits.run_limits())
    finally:
        os.remove(path)
        if own_dir:
            os.rmdir(directory)
    record = rec.record
    if record is None:          # the run never started
        record = {"format": FORMAT_NAME, "version": FORMAT_VERSION, "program": path,
                  "sources": {}, "stdout": out.getvalue(), "stderr": err.getvalue(),
                  "exit_code": code, "error": err.getvalue().strip() or None,
                  "steps": [], "keyframes": []}
    cap_output(record, limits.max_output)
    return record, code


def cap_output(record, limit):
    """Keep at most ``limit`` characters of the record's stdout and of its stderr (in the
    whole text and in the output events alike), ending a cut text with a note saying how
    much there was.  Return the names of the streams that were cut."""
    cut = []
    for stream in ("stdout", "stderr"):
        text = record.get(stream) or ""
        if len(text) <= limit:
            continue
        note = f"\n[heapsim: {stream} cut: {len(text):,} characters written, " \
               f"the first {limit:,} kept]\n"
        record[stream] = text[:limit] + note
        cut.append(stream)
        left = limit
        noted = False
        for step in record.get("steps", ()):
            events = step.get("events") or ()
            kept = []
            changed = False
            for e in events:
                if e.get("k") == stream:
                    changed = changed or noted or len(e["text"]) >= left
                    if noted:
                        continue
                    if len(e["text"]) >= left:
                        e = dict(e, text=e["text"][:left] + note)
                        noted = True
                    left -= len(e["text"])
                kept.append(e)
            if changed:
                step["events"] = kept
    return cut


def worker_main(directory):
    """The worker process of ``heapsim serve``: one run, its results in ``directory``."""
    with open(os.path.join(directory, "request.json"), encoding="utf-8") as fh:
        request = json.load(fh)
    limits = Limits(**request["limits"])
    _limit_process(limits)
    record, code = record_source(request["source"], request.get("name", "program.py"),
                                 limits, directory=directory)
    from heapsim.tools.show import render_html
    page = render_html(record, request.get("title"))
    with open(os.path.join(directory, "page.html"), "w", encoding="utf-8") as fh:
        fh.write(page)
    result = {"exit_code": code, "error": record.get("error"), "program": record["program"],
              "stdout": record.get("stdout", ""), "stderr": record.get("stderr", ""),
              "steps": len(record.get("steps", ()))}
    with open(os.path.join(directory, "result.json"), "w", encoding="utf-8") as fh:
        json.dump(result, fh)
    return 0


def _limit_process(limits):
    """Kernel limits on the worker process, a backstop behind the run's own limits: CPU
    seconds, and address space (the run's heap limit several times over, plus room for the
    guest thread's large stack and the record)."""
    import resource
    if limits.timeout is not None:
        cpu = int(limits.timeout * 3) + 60
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 5))
    space = 6 * limits.max_heap + (3 << 30)
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard == resource.RLIM_INFINITY or hard > space:
        resource.setrlimit(resource.RLIMIT_AS, (space, space))


if __name__ == "__main__":
    sys.exit(worker_main(sys.argv[1]))

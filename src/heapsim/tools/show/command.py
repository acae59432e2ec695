"""The ``heapsim show`` command: record the run, write the page, open it if asked."""

import os
import sys

from heapsim.tools.recording import record_program
from heapsim.tools.show.html import render_html


def cmd_show(args, limits):
    """Run ``args.prog`` recorded (its output passes through, as ``heapsim run`` prints it),
    write the replay page, return the run's exit code."""
    out = args.output or os.path.splitext(args.prog)[0] + ".html"
    rec, code = record_program(args.prog, args.args, stdout=sys.stdout, stderr=sys.stderr,
                               **limits)
    if not rec.record.get("steps") and not os.path.exists(args.prog):
        return code
    with open(out, "w", encoding="utf-8") as fh:
        fh.write(render_html(rec.record))
    sys.stderr.write(f"heapsim: replay of {len(rec.record['steps'])} steps written to {out}\n")
    if args.open:
        import webbrowser
        webbrowser.open("file://" + os.path.abspath(out))
    return code

"""Notebooks: ``%load_ext heapsim``, then a ``%%heapsim`` cell runs its code on heapsim's
simulated heap and shows the replay inline (docs/serve-and-notebooks.md).

The cell's code is run as a program file (``cellN.py``, N the cell's execution count, in a
temporary directory) recorded under the run limits, like ``heapsim show``; its stdout and
stderr are printed as the cell's output (a traceback or a ``heapsim:`` limit message as
``heapsim run`` prints it), and the replay page is displayed through IPython's display
machinery: an HTML object holding a sandboxed iframe whose ``srcdoc`` is the page, so the
page's script runs isolated from the notebook's (Jupyter, JupyterLab, VS Code).

IPython is an optional extra (``pip install heapsim[notebook]``): this module imports it only
when the extension is loaded, and ``Replay`` (any object with ``_repr_html_``) needs none.
"""

import argparse
import html
import shlex
import sys

from heapsim.tools.arguments import count_arg, seconds_arg, size_arg
from heapsim.tools.recording import record_program
from heapsim.tools.snippet import Limits, record_source
from heapsim.tools.show import render_html

DEFAULT_LIMITS = Limits(timeout=30.0)
DEFAULT_HEIGHT = 760


class Replay:
    """A run's replay for notebooks: the record (docs/trace-format.md), the page's title and
    the iframe's height in pixels.  Rich frontends show it through ``_repr_html_``; ``page``
    is the complete HTML document, ``save(path)`` writes it as ``heapsim show`` would."""

    def __init__(self, record, title=None, height=DEFAULT_HEIGHT):
        self.record = record
        self.title = title
        self.height = height
        self._page = None

    @property
    def page(self):
        if self._page is None:
            self._page = render_html(self.record, self.title)
        return self._page

    def _repr_html_(self):
        return frame_html(self.page, self.height)

    def save(self, path):
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(self.page)

    def __repr__(self):
        steps = len(self.record.get("steps", ()))
        return f"<heapsim replay of {self.record.get('program')}: {steps} steps>"


def frame_html(page, height=DEFAULT_HEIGHT):
    """An iframe showing the HTML document ``page`` (through ``srcdoc``: nothing fetched),
    sandboxed to its own scripts."""
    return (f'<iframe class="heapsim-replay" title="heapsim replay" sandbox="allow-scripts" '
            f'style="width:100%;height:{int(height)}px;border:1px solid #ddd" '
            f'srcdoc="{html.escape(page, quote=True)}"></iframe>')


def replay_file(path, argv=(), title=None, **limits):
    """The replay of the program file ``path`` (``record_program``'s limits as keywords)."""
    rec, _ = record_program(path, argv, **limits)
    return Replay(rec.record, title)


class _Parser(argparse.ArgumentParser):
    """An argument parser that raises ``ValueError`` instead of exiting."""

    def error(self, message):
        raise ValueError(message)


def magic_parser():
    """The ``%%heapsim`` line's options."""
    d = DEFAULT_LIMITS
    p = _Parser(prog="%%heapsim", add_help=False, exit_on_error=False,
                description="Run the cell on heapsim's simulated heap and show its replay.")
    p.add_argument("--max-steps", type=count_arg(1), default=d.max_steps,
                   help=f"instructions (default {d.max_steps})")
    p.add_argument("--max-heap", type=size_arg, default=d.max_heap,
                   help=f"simulated heap, e.g. 64M (default {d.max_heap >> 20}M)")
    p.add_argument("--timeout", type=seconds_arg, default=d.timeout,
                   help=f"wall seconds (default {d.timeout:g})")
    p.add_argument("--max-output", type=size_arg, default=d.max_output,
                   help="stdout (and stderr) characters kept (default 1M)")
    p.add_argument("--height", type=count_arg(1), default=DEFAULT_HEIGHT,
                   help=f"the replay's height in pixels (default {DEFAULT_HEIGHT})")
    p.add_argument("--record", metavar="NAME", default=None,
                   help="also store the run record (a dict) in the variable NAME")
    return p


def run_cell(line, cell, number=None, stdout=None, stderr=None):
    """Run a ``%%heapsim`` cell: print its output, return its ``Replay`` and the options.
    ``ValueError`` for options that do not parse."""
    try:
        opts = magic_parser().parse_args(shlex.split(line))
    except argparse.ArgumentError as exc:
        raise ValueError(str(exc)) from None
    limits = Limits(opts.max_steps, opts.max_heap, opts.timeout, opts.max_output)
    name = f"cell{number}.py" if number is not None else "cell.py"
    record, _ = record_source(cell, name, limits)
    (stdout or sys.stdout).write(record.get("stdout") or "")
    (stderr or sys.stderr).write(error_text(record))
    title = f"In [{number}]" if number is not None else "cell"
    return Replay(record, title, opts.height), opts


def error_text(record):
    """What ``heapsim run`` prints on stderr: the guest's stderr, then the ``heapsim:``
    message that ended the run early, if any."""
    text = record.get("stderr") or ""
    error = record.get("error")
    if error and error not in text:
        text += ("" if not text or text.endswith("\n") else "\n") + error + "\n"
    return text


def load_ipython_extension(ipython):
    """Register ``%%heapsim`` on the shell."""
    # IPython is imported here, not at the top: it is an optional extra.
    from IPython.core.error import UsageError
    from IPython.display import display

    def heapsim(line, cell):
        """%%heapsim [--max-steps N] [--max-heap SIZE] [--timeout S] [--max-output N]
        [--height PX] [--record NAME]: run the cell on heapsim's simulated CPython 3.11
        heap and show its replay."""
        try:
            replay, opts = run_cell(line, cell, ipython.execution_count)
        except ValueError as exc:
            raise UsageError(f"%%heapsim: {exc}\n{magic_parser().format_usage()}") from None
        sys.stdout.flush()
        sys.stderr.flush()
        if opts.record:
            ipython.user_ns[opts.record] = replay.record
        display(replay)

    ipython.register_magic_function(heapsim, "cell", "heapsim")

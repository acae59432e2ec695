"""The ``heapsim`` command line.

Subcommands arrive with the layers that implement them; ``--version`` and ``--help`` work from
the start.  Exit codes follow docs/architecture.md: 0 success, 2 usage errors (as argparse
and python3 use it), 3 unsupported guest features, 70 simulator bugs.
"""

import argparse
import signal
import sys

from heapsim import __version__
from heapsim.tools.arguments import count_arg, seconds_arg, size_arg
from heapsim.tools.recording import DEFAULT_MAX_LINE_STEPS, record_program

from heapsim.tools.check import compare_results, last_line  # noqa: F401  (re-exported)
from heapsim.tools.runner import (  # noqa: F401  (run_program and friends, re-exported)
    DEFAULT_MAX_STEPS, EXIT_INTERNAL, EXIT_UNSUPPORTED, decode_source, fast_paths_from_env,
    run_program,
)


def build_parser():
    parser = argparse.ArgumentParser(
        prog="heapsim",
        description="Run Python programs on a simulated CPython 3.11 heap and show what "
                    "happens to memory: addresses, reference counts, the cycle collector, "
                    "pymalloc arenas, pools and blocks.",
    )
    parser.add_argument("--version", action="version",
                        version=f"heapsim {__version__} (models CPython 3.11)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    stats = sub.add_parser(
        "mallocstats",
        help="build a small demo heap and print its sys._debugmallocstats() report")
    stats.add_argument("--lists", type=count_arg(0), default=100,
                       help="number of 10-item lists to allocate first (default 100)")
    run = sub.add_parser("run", help="run PROG.py on the simulated heap, as python3 would")
    limit_options(run)
    run.add_argument("--no-fast-paths", dest="fast_paths", action="store_false", default=None,
                     help="run every instruction through its generic handler, with none of "
                          "the eval loop's specialisations (also HEAPSIM_FAST_PATHS=0)")
    run.add_argument("prog", metavar="PROG.py")
    run.add_argument("args", nargs=argparse.REMAINDER)
    trace = sub.add_parser(
        "trace", help="run PROG.py and write its run record (docs/trace-format.md) as JSON")
    trace.add_argument("-o", "--output", metavar="FILE", default=None,
                       help="where to write the record (default: PROG.trace.json)")
    trace.add_argument("--keyframe-every", type=count_arg(1), default=100, metavar="N",
                       help="a full state every N line steps (default 100)")
    limit_options(trace, audit=False, line_steps=True)
    _prog_arguments(trace)
    explain = sub.add_parser(
        "explain", help="run PROG.py and tell, line by line, what happened to memory")
    limit_options(explain, audit=False, line_steps=True)
    explain.add_argument("--all", dest="show_all", action="store_true",
                         help="show every visit of every line (default: a loop's later "
                              "rounds are summed up)")
    explain.add_argument("--json", dest="as_json", action="store_true",
                         help="print the same facts as JSON (docs/explain.md)")
    explain.add_argument("--color", action=argparse.BooleanOptionalAction, default=None,
                         help="colour (default: when stdout is a terminal)")
    _prog_arguments(explain)
    show = sub.add_parser(
        "show", help="run PROG.py and write a self-contained HTML page that replays it")
    show.add_argument("-o", "--output", metavar="FILE.html", default=None,
                      help="where to write the page (default: PROG.html)")
    show.add_argument("--open", action="store_true", help="open the page in a web browser")
    limit_options(show, audit=False, line_steps=True)
    _prog_arguments(show)
    serve = sub.add_parser(
        "serve", help="a local page with an editor: Run shows the program's replay "
                      "(docs/serve-and-notebooks.md)")
    serve.add_argument("--host", default="127.0.0.1",
                       help="address to listen on (default 127.0.0.1: this machine only)")
    serve.add_argument("--port", type=_port, default=8000,
                       help="port (default 8000; 0 picks a free one)")
    limit_options(serve, audit=False, max_steps=2_000_000, max_heap=256 << 20, timeout=10.0,
                  per="per run")
    serve.add_argument("--max-output", type=size_arg, default=1 << 20, metavar="CHARS",
                       help="stdout (and stderr) kept per run (default 1M)")
    serve.add_argument("--max-source", type=size_arg, default=256 << 10, metavar="BYTES",
                       help="largest program accepted (default 256K)")
    serve.add_argument("--max-runs", type=count_arg(1), default=2,
                       help="runs at the same time (default 2)")
    check = sub.add_parser("check", help="run PROG.py under python3 and heapsim and show "
                                         "the differences")
    limit_options(check, timeout=DEFAULT_CHECK_TIMEOUT, both_sides=True)
    check.add_argument("prog", metavar="PROG.py")
    check.add_argument("args", nargs=argparse.REMAINDER)
    return parser


DEFAULT_CHECK_TIMEOUT = 60.0


def limit_options(p, *, audit=True, line_steps=False, max_steps=DEFAULT_MAX_STEPS,
                  max_heap=None, timeout=None, per="", both_sides=False):
    """The run limits, declared once for every command that runs a program (their defaults
    differ: ``heapsim serve`` has its own, ``check`` a timeout): ``--max-steps``,
    ``--max-heap``, ``--timeout``, and ``--audit`` or ``--max-line-steps`` where the command
    has them.  Each value is checked here: a limit is a positive, finite number."""
    per = f" {per}" if per else ""
    p.add_argument("--max-steps", type=count_arg(1), default=max_steps, metavar="N",
                   help=f"stop after N bytecode instructions{per} (default {max_steps:,})")
    p.add_argument("--max-heap", type=size_arg, default=max_heap, metavar="BYTES",
                   help=f"simulated heap limit{per} (e.g. 64M); beyond it the guest gets "
                        "MemoryError (default: " + (_show_size(max_heap) if max_heap
                                                   else "none") + ")")
    p.add_argument("--timeout", type=seconds_arg, default=timeout, metavar="SECONDS",
                   help=f"stop the run after this much wall time{per} (exit 3"
                        + ("; python3's run too" if both_sides else "") + "; default "
                        + (f"{timeout:g}" if timeout else "none") + ")")
    if audit:
        p.add_argument("--audit", action="store_true",
                       help="audit the heap after every collection and at the end of the run")
    if line_steps:
        p.add_argument("--max-line-steps", type=count_arg(1), default=DEFAULT_MAX_LINE_STEPS,
                       metavar="N", help="stop recording after N line steps "
                                         f"(default {DEFAULT_MAX_LINE_STEPS:,})")


def _port(text):
    value = count_arg(0)(text)
    if value > 65535:
        raise argparse.ArgumentTypeError(f"not a port number (0 to 65535): {text!r}")
    return value


def _show_size(n):
    for unit, mult in (("G", 1 << 30), ("M", 1 << 20), ("K", 1 << 10)):
        if n % mult == 0:
            return f"{n // mult}{unit}"
    return str(n)


def _prog_arguments(p):
    """PROG.py and its arguments for the commands that take options after PROG.py (trace,
    explain, show): the program's own options go after ``--``."""
    p.add_argument("prog", metavar="PROG.py")
    p.add_argument("args", nargs="*", metavar="ARG",
                   help="the program's arguments (put them after -- if they start with -)")


def cmd_mallocstats(args):
    from heapsim.runtime import build_heap
    from heapsim.objects.listobject import list_append, list_new
    from heapsim.objects.longobject import new_int

    heap = build_heap()
    keep = []
    for i in range(args.lists):
        lst = list_new(heap, 0)
        for j in range(10):
            item = new_int(heap, 1000 + 10 * i + j)
            list_append(heap, lst, item)
            heap.decref(item)
        keep.append(lst)
    sys.stdout.write(heap.allocator.debugmallocstats())
    return 0


def cmd_run(args):
    return run_program(args.prog, args.args, max_steps=args.max_steps, max_heap=args.max_heap,
                       timeout=args.timeout, audit=args.audit, fast_paths=args.fast_paths)


def limits_of(args):
    """The run limits given on the command line, as ``run_program``'s keywords (and
    ``record_program``'s line-step limit for the commands that record)."""
    out = {"max_steps": args.max_steps, "max_heap": args.max_heap, "timeout": args.timeout}
    if getattr(args, "max_line_steps", None) is not None:
        out["max_line_steps"] = args.max_line_steps
    return out


def cmd_trace(args):
    """``heapsim trace``: the program's output passes through; the record goes to a file."""
    import json
    import os
    out = args.output or os.path.splitext(args.prog)[0] + ".trace.json"
    rec, code = record_program(args.prog, args.args, stdout=sys.stdout, stderr=sys.stderr,
                               keyframe_every=args.keyframe_every, **limits_of(args))
    if rec.record.get("steps") or os.path.exists(args.prog):
        with open(out, "w", encoding="utf-8") as fh:
            json.dump(rec.record, fh, separators=(",", ":"))
        from heapsim.tools.supervise import write_error
        write_error(f"heapsim: record of {len(rec.record['steps'])} steps written to {out}\n")
    return code


def main(argv=None):
    """The ``heapsim`` command; its exit status.

    With no ``argv`` this is the process's own command line (the console script,
    ``python -m heapsim``): a run with ``--timeout`` is watched from outside
    (tools/supervise.py), and a run python3 would end by a signal (an uncaught
    KeyboardInterrupt) ends this process by that signal.  Given ``argv`` (a program calling
    it), the run stays in the calling process and such an end is returned as ``-SIGNAL``."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    own = argv is None
    try:
        if own and args.command in SUPERVISED and args.timeout is not None:
            from heapsim.tools.supervise import supervised
            code = supervised(lambda: _command(parser, args), args.timeout, args.prog)
        else:
            code = _command(parser, args)
    except KeyboardInterrupt:       # Ctrl-C outside a run (start-up, writing a record)
        if not own:
            raise
        code = -signal.SIGINT
    if own:
        from heapsim.tools.supervise import exit_status
        return exit_status(code)
    return code


# The commands whose run a timeout stops from outside.
SUPERVISED = ("run", "trace", "explain", "show")


def _command(parser, args):
    if args.command == "mallocstats":
        return cmd_mallocstats(args)
    if args.command == "run":
        return cmd_run(args)
    if args.command == "check":
        from heapsim.tools.check import cmd_check
        return cmd_check(args)
    if args.command == "trace":
        return cmd_trace(args)
    if args.command == "explain":
        from heapsim.tools.explain import explain
        return explain(args.prog, args.args, show_all=args.show_all, as_json=args.as_json,
                       color=args.color, **limits_of(args))
    if args.command == "show":
        from heapsim.tools.show.command import cmd_show
        return cmd_show(args, limits_of(args))
    if args.command == "serve":
        from heapsim.tools.serve import cmd_serve
        return cmd_serve(args)
    parser.error(f"unknown command {args.command!r}")
    return 2


if __name__ == "__main__":
    sys.exit(main())

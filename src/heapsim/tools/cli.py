"""The ``heapsim`` command line.

Subcommands arrive with the layers that implement them; ``--version`` and ``--help`` work from
the start.  Exit codes follow docs/architecture.md: 0 success, 2 usage errors (as argparse
and python3 use it), 3 unsupported guest features, 70 simulator bugs.
"""

import argparse
import sys

from heapsim import __version__
from heapsim.tools.recording import DEFAULT_MAX_LINE_STEPS, record_program

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
    stats.add_argument("--lists", type=int, default=100,
                       help="number of 10-item lists to allocate first (default 100)")
    run = sub.add_parser("run", help="run PROG.py on the simulated heap, as python3 would")
    run.add_argument("--max-steps", type=int, default=DEFAULT_MAX_STEPS,
                     help="stop after this many bytecode instructions "
                          f"(default {DEFAULT_MAX_STEPS})")
    _limit_options(run)
    run.add_argument("--no-fast-paths", dest="fast_paths", action="store_false", default=None,
                     help="run every instruction through its generic handler, with none of "
                          "the eval loop's specialisations (also HEAPSIM_FAST_PATHS=0)")
    run.add_argument("prog", metavar="PROG.py")
    run.add_argument("args", nargs=argparse.REMAINDER)
    trace = sub.add_parser(
        "trace", help="run PROG.py and write its run record (docs/trace-format.md) as JSON")
    trace.add_argument("-o", "--output", metavar="FILE", default=None,
                       help="where to write the record (default: PROG.trace.json)")
    trace.add_argument("--max-steps", type=int, default=DEFAULT_MAX_STEPS)
    trace.add_argument("--keyframe-every", type=int, default=100, metavar="N",
                       help="a full state every N line steps (default 100)")
    _limit_options(trace, audit=False)
    trace.add_argument("--max-line-steps", type=int, default=DEFAULT_MAX_LINE_STEPS,
                       metavar="N", help="stop recording after N line steps "
                                         f"(default {DEFAULT_MAX_LINE_STEPS:,})")
    _prog_arguments(trace)
    explain = sub.add_parser(
        "explain", help="run PROG.py and tell, line by line, what happened to memory")
    explain.add_argument("--max-steps", type=int, default=DEFAULT_MAX_STEPS)
    _limit_options(explain, audit=False)
    explain.add_argument("--max-line-steps", type=int, default=DEFAULT_MAX_LINE_STEPS,
                         metavar="N", help="stop recording after N line steps "
                                           f"(default {DEFAULT_MAX_LINE_STEPS:,})")
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
    show.add_argument("--max-steps", type=int, default=DEFAULT_MAX_STEPS)
    _limit_options(show, audit=False)
    show.add_argument("--max-line-steps", type=int, default=DEFAULT_MAX_LINE_STEPS,
                      metavar="N", help="stop recording after N line steps "
                                        f"(default {DEFAULT_MAX_LINE_STEPS:,})")
    _prog_arguments(show)
    serve = sub.add_parser(
        "serve", help="a local page with an editor: Run shows the program's replay "
                      "(docs/serve-and-notebooks.md)")
    serve.add_argument("--host", default="127.0.0.1",
                       help="address to listen on (default 127.0.0.1: this machine only)")
    serve.add_argument("--port", type=int, default=8000,
                       help="port (default 8000; 0 picks a free one)")
    serve.add_argument("--max-steps", type=int, default=2_000_000,
                       help="instructions per run (default 2000000)")
    serve.add_argument("--max-heap", type=_size, default=256 << 20, metavar="BYTES",
                       help="simulated heap per run (default 256M)")
    serve.add_argument("--timeout", type=float, default=10.0, metavar="SECONDS",
                       help="wall time per run (default 10)")
    serve.add_argument("--max-output", type=_size, default=1 << 20, metavar="CHARS",
                       help="stdout (and stderr) kept per run (default 1M)")
    serve.add_argument("--max-source", type=_size, default=256 << 10, metavar="BYTES",
                       help="largest program accepted (default 256K)")
    serve.add_argument("--max-runs", type=int, default=2,
                       help="runs at the same time (default 2)")
    check = sub.add_parser("check", help="run PROG.py under python3 and heapsim and show "
                                         "the differences")
    check.add_argument("--max-steps", type=int, default=DEFAULT_MAX_STEPS)
    _limit_options(check)
    check.add_argument("prog", metavar="PROG.py")
    check.add_argument("args", nargs=argparse.REMAINDER)
    return parser


def _size(text):
    """A byte count: 1000000, 64K, 256M, 2G."""
    t = text.strip().upper().rstrip("B")
    mult = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}.get(t[-1:], 1)
    try:
        return int(float(t[:-1] if mult > 1 else t) * mult)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size: {text!r}") from None


def _prog_arguments(p):
    """PROG.py and its arguments for the commands that take options after PROG.py (trace,
    explain, show): the program's own options go after ``--``."""
    p.add_argument("prog", metavar="PROG.py")
    p.add_argument("args", nargs="*", metavar="ARG",
                   help="the program's arguments (put them after -- if they start with -)")


def _limit_options(p, audit=True):
    p.add_argument("--max-heap", type=_size, default=None, metavar="BYTES",
                   help="simulated heap limit (e.g. 64M); beyond it the guest gets "
                        "MemoryError (default: none)")
    p.add_argument("--timeout", type=float, default=None, metavar="SECONDS",
                   help="stop the run after this much wall time (exit 3)")
    if audit:
        p.add_argument("--audit", action="store_true",
                       help="audit the heap after every collection and at the end of the run")


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
        sys.stderr.write(f"heapsim: record of {len(rec.record['steps'])} steps written to "
                         f"{out}\n")
    return code


def run_both(prog, argv=(), max_steps=DEFAULT_MAX_STEPS):
    """(python3's, heapsim's) results of running prog: (stdout, stderr, exit code) each."""
    import io
    import os
    import subprocess

    env = dict(os.environ, PYTHONHASHSEED="0")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    host = subprocess.run([sys.executable, prog, *argv], capture_output=True, text=True,
                          env=env)
    if os.environ.get("PYTHONHASHSEED") == "0":
        out, err = io.StringIO(), io.StringIO()
        code = run_program(prog, list(argv), stdout=out, stderr=err, max_steps=max_steps)
        return (host.stdout, host.stderr, host.returncode), (out.getvalue(), err.getvalue(), code)
    # str hashes come from the host's hash(): run heapsim under the oracle's seed too.
    import heapsim
    pkg_parent = os.path.dirname(os.path.dirname(os.path.abspath(heapsim.__file__)))
    env["PYTHONPATH"] = os.pathsep.join(p for p in (pkg_parent, env.get("PYTHONPATH")) if p)
    sim = subprocess.run([sys.executable, "-m", "heapsim", "run", "--max-steps",
                          str(max_steps), prog, *argv], capture_output=True, text=True, env=env)
    return (host.stdout, host.stderr, host.returncode), (sim.stdout, sim.stderr,
                                                         sim.returncode)


def last_line(text):
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else ""


def compare_results(host, sim):
    """A list of human-readable differences (empty when the runs agree)."""
    import difflib

    diffs = []
    if host[0] != sim[0]:
        diff = difflib.unified_diff(host[0].splitlines(), sim[0].splitlines(),
                                    "python3 stdout", "heapsim stdout", lineterm="")
        diffs.append("\n".join(diff))
    if last_line(host[1]) != last_line(sim[1]):
        diffs.append(f"last stderr line differs:\n  python3: {last_line(host[1])}\n"
                     f"  heapsim: {last_line(sim[1])}")
    if host[2] != sim[2]:
        diffs.append(f"exit code differs: python3 {host[2]}, heapsim {sim[2]}")
    return diffs


def cmd_check(args):
    import os
    if not os.path.exists(args.prog):
        return run_program(args.prog, args.args)
    host, sim = run_both(args.prog, args.args, args.max_steps)
    diffs = compare_results(host, sim)
    if not diffs:
        print(f"{args.prog}: identical to python3 (stdout, last stderr line, exit code "
              f"{host[2]})")
        return 0
    print(f"{args.prog}: differs from python3")
    for d in diffs:
        print(d)
    return 1


def main(argv=None):
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    if args.command == "mallocstats":
        return cmd_mallocstats(args)
    if args.command == "run":
        return cmd_run(args)
    if args.command == "check":
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

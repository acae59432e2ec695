"""The ``heapsim`` command line.

Subcommands arrive with the layers that implement them; ``--version`` and ``--help`` work from
the start.  Exit codes follow docs/architecture.md: 0 success, 2 usage errors (as argparse
and python3 use it), 3 unsupported guest features, 70 simulator bugs.
"""

import argparse
import sys

from heapsim import __version__

EXIT_UNSUPPORTED = 3
EXIT_INTERNAL = 70
DEFAULT_MAX_STEPS = 2_000_000_000


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


def _limit_options(p):
    p.add_argument("--max-heap", type=_size, default=None, metavar="BYTES",
                   help="simulated heap limit (e.g. 64M); beyond it the guest gets "
                        "MemoryError (default: none)")
    p.add_argument("--timeout", type=float, default=None, metavar="SECONDS",
                   help="stop the run after this much wall time (exit 3)")
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


def fast_paths_from_env():
    """The fast-path switch's default: on unless ``HEAPSIM_FAST_PATHS`` is ``0``."""
    import os
    return os.environ.get("HEAPSIM_FAST_PATHS", "1").strip() != "0"


def run_program(path, argv, stdout=None, stderr=None, max_steps=DEFAULT_MAX_STEPS,
                max_heap=None, timeout=None, audit=False, fast_paths=None):
    """Run a guest program as ``python3 PATH ARGS`` would; return the exit code.

    ``fast_paths`` False runs only the eval loop's generic handlers (None: on unless
    ``HEAPSIM_FAST_PATHS=0``).

    The run happens on a thread with a large stack and a high host recursion limit, so that
    guest recursion (limited to 1000 frames, as CPython) never exhausts the host.
    """
    import os
    import threading

    stdout = stdout if stdout is not None else sys.stdout
    stderr = stderr if stderr is not None else sys.stderr
    try:
        with open(path, "rb") as fh:
            source = fh.read()
    except OSError as exc:
        stderr.write(f"python3: can't open file {os.path.abspath(path)!r}: "
                     f"[Errno {exc.errno}] {exc.strerror}\n")
        return 2
    result = [EXIT_INTERNAL]
    if fast_paths is None:
        fast_paths = fast_paths_from_env()

    def body():
        result[0] = _run_guarded(source, path, argv, stdout, stderr, max_steps, max_heap,
                                 timeout, audit, fast_paths)

    old_limit = sys.getrecursionlimit()
    old_stack = threading.stack_size()
    sys.setrecursionlimit(max(old_limit, 60000))
    try:
        threading.stack_size(512 * 1024 * 1024)
        t = threading.Thread(target=body, name="heapsim-guest")
        t.start()
        t.join()
    finally:
        threading.stack_size(old_stack)
        sys.setrecursionlimit(old_limit)
    return result[0]


def _guest_location(rt):
    if rt is not None and rt.interp.error_location is not None:
        return rt.interp.error_location
    f = rt.interp.frame if rt is not None else None
    ins = getattr(f, "ins", None)
    if ins is None:
        return "?", 0
    return f.dc.filename, f.dc.line_of(ins.index)


def decode_source(raw, path, stderr):
    """The program text as python3 reads a script file, or None after printing python3's
    SyntaxError for an undecodable file (exit status 1)."""
    import io
    import os
    import re
    import tokenize
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(raw).readline)
    except SyntaxError:
        m = re.search(rb"coding[:=]\s*([-\w.]+)", raw)
        name = m.group(1).decode("ascii", "replace") if m else "?"
        stderr.write(f"SyntaxError: encoding problem: {name}\n")
        return None
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        if encoding in ("utf-8", "utf-8-sig"):
            stderr.write(f"SyntaxError: Non-UTF-8 code starting with '\\x{raw[exc.start]:02x}' "
                         f"in file {os.path.abspath(path)} on line {line}, but no encoding "
                         "declared; see "
                         "https://peps.python.org/pep-0263/ for details\n")
        else:
            stderr.write(f"SyntaxError: encoding problem: {encoding}\n")
        return None
    if "\0" in text:
        before = text[:text.index("\0")]
        line = before.count("\n") + 1
        shown = before.rsplit("\n", 1)[-1].strip()
        stderr.write(f'  File "{os.path.abspath(path)}", line {line}\n    {shown}\n'
                     "SyntaxError: source code cannot contain null bytes\n")
        return None
    return text


def _run_guarded(source, path, argv, stdout, stderr, max_steps, max_heap=None, timeout=None,
                 audit=False, fast_paths=True):
    from heapsim.base.errors import LimitExceeded, OutOfMemory, Unsupported
    from heapsim.runtime import Runtime

    rt = None
    try:
        text = decode_source(source, path, stderr)
        if text is None:
            return 1
        profile = None
        if max_heap is not None:
            import dataclasses
            from heapsim.base.config import CPYTHON_3_11
            profile = dataclasses.replace(CPYTHON_3_11, memory=dataclasses.replace(
                CPYTHON_3_11.memory, heap_limit=max_heap))
        rt = Runtime([path] + list(argv), stdout=stdout, stderr=stderr, max_steps=max_steps,
                     audit=audit, fast_paths=fast_paths,
                     **({"profile": profile} if profile is not None else {}))
        if timeout is not None:
            rt.interp.set_timeout(timeout)
        import os
        return rt.run_source(text, os.path.abspath(path))
    except Unsupported as exc:
        where = (exc.filename, exc.lineno) if exc.filename else _guest_location(rt)
        _flush(stdout)
        stderr.write(f"heapsim: unsupported: {exc.what} ({where[0]}:{where[1]})\n")
        return EXIT_UNSUPPORTED
    except LimitExceeded as exc:
        where = _guest_location(rt)
        _flush(stdout)
        flag = {"instruction": "--max-steps", "time": "--timeout"}.get(exc.what, "--max-heap")
        stderr.write(f"heapsim: {exc} ({where[0]}:{where[1]}); raise it with {flag}\n")
        return EXIT_UNSUPPORTED
    except OutOfMemory as exc:
        where = _guest_location(rt)
        _flush(stdout)
        stderr.write(f"heapsim: {exc} ({where[0]}:{where[1]}); raise it with --max-heap\n")
        return EXIT_UNSUPPORTED
    except Exception as exc:  # a simulator bug
        where = _guest_location(rt)
        _flush(stdout)
        stderr.write(f"heapsim: internal error: {type(exc).__name__}: {exc} "
                     f"({where[0]}:{where[1]})\n")
        if os_environ_debug():
            import traceback
            traceback.print_exc()
        return EXIT_INTERNAL


def os_environ_debug():
    import os
    return bool(os.environ.get("HEAPSIM_DEBUG"))


def _flush(stream):
    try:
        stream.flush()
    except Exception:
        pass


def cmd_run(args):
    return run_program(args.prog, args.args, max_steps=args.max_steps, max_heap=args.max_heap,
                       timeout=args.timeout, audit=args.audit, fast_paths=args.fast_paths)


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
    parser.error(f"unknown command {args.command!r}")
    return 2


if __name__ == "__main__":
    sys.exit(main())

"""``heapsim check PROG.py``: run a program under python3 and under heapsim, show the
differences.

Both sides run as child processes with ``PYTHONHASHSEED=0``, under the same wall-time
limit (``--timeout``, default 60 s; a side still running then is killed), heapsim's side
with the other limits given (``--max-steps``, ``--max-heap``, ``--audit``).  Their output
is taken as bytes: what is not UTF-8 is compared byte for byte and shown escaped.
"""

import os
import signal
import subprocess
import sys

from heapsim.tools.runner import EXIT_UNSUPPORTED, run_program

# Seconds heapsim's side gets beyond the timeout before it is killed: its own watchdog stops
# the run at the limit and prints why; this only covers a side that cannot even do that.
KILL_MARGIN = 10.0


def cmd_check(args):
    if not os.path.exists(args.prog):
        return run_program(args.prog, args.args)
    try:
        host, sim = run_both(args.prog, args.args, max_steps=args.max_steps,
                             max_heap=args.max_heap, timeout=args.timeout, audit=args.audit)
    except KeyboardInterrupt:
        return -signal.SIGINT
    if host is None:
        _say(f"heapsim: python3 did not finish {args.prog} within {args.timeout:g} seconds; "
             "raise it with --timeout\n")
        return EXIT_UNSUPPORTED
    if sim is None:
        _say(f"heapsim: heapsim's run of {args.prog} did not end within {args.timeout:g} "
             f"seconds (and {KILL_MARGIN:g} more); raise it with --timeout\n")
        return EXIT_UNSUPPORTED
    diffs = compare_results(host, sim)
    if not diffs:
        print(f"{args.prog}: identical to python3 (stdout, last stderr line, exit code "
              f"{host[2]})")
        return 0
    print(f"{args.prog}: differs from python3")
    for d in diffs:
        print(shown(d))
    return 1


def run_both(prog, argv=(), max_steps=None, max_heap=None, timeout=None, audit=False):
    """(python3's, heapsim's) results of running prog: (stdout, stderr, exit code) each, the
    texts decoded from UTF-8 with undecodable bytes kept as lone surrogates (equal texts are
    equal bytes); None for a side that did not end within ``timeout`` seconds (heapsim's is
    not run when python3's did not end)."""
    env = dict(os.environ, PYTHONHASHSEED="0")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    host = _run([sys.executable, prog, *argv], env, timeout)
    if host is None:
        return None, None
    import heapsim
    pkg_parent = os.path.dirname(os.path.dirname(os.path.abspath(heapsim.__file__)))
    env["PYTHONPATH"] = os.pathsep.join(p for p in (pkg_parent, env.get("PYTHONPATH")) if p)
    cmd = [sys.executable, "-m", "heapsim", "run"]
    if max_steps is not None:
        cmd += ["--max-steps", str(max_steps)]
    if max_heap is not None:
        cmd += ["--max-heap", str(max_heap)]
    if timeout is not None:
        cmd += ["--timeout", repr(timeout)]
    if audit:
        cmd.append("--audit")
    sim = _run(cmd + [prog, *argv], env, None if timeout is None else timeout + KILL_MARGIN)
    return host, sim


def _run(cmd, env, timeout):
    try:
        p = subprocess.run(cmd, capture_output=True, env=env, timeout=timeout,
                           stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return None
    return (p.stdout.decode("utf-8", "surrogateescape"),
            p.stderr.decode("utf-8", "surrogateescape"), p.returncode)


def shown(text):
    """A text as it can be printed anywhere: undecodable bytes as ``\\xNN``."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


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


def _say(text):
    sys.stdout.flush()
    sys.stderr.write(text)

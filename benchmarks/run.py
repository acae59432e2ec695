"""Run the benchmark programs under python3 and under heapsim and report the slowdown.

Usage (from the repository root; PYTHONPATH is set for the children by this script)::

    python3 benchmarks/run.py                    # every program, best of 3
    python3 benchmarks/run.py -n 5 fib nbody     # a subset (names or substrings), best of 5
    python3 benchmarks/run.py --markdown         # the table as Markdown (for PERFORMANCE.md)
    python3 benchmarks/run.py --json out.json    # the measurements as JSON

For every program in ``benchmarks/programs/`` (or ``--dir``) it runs, in one go:

* ``sys.executable PROG`` (the oracle, CPython 3.11) with ``PYTHONHASHSEED=0``;
* ``sys.executable -m heapsim run PROG`` in a subprocess, same environment: the full memory
  model (pymalloc, refcounts, free lists, the collector), no tracer, no audit.

The first run of each side is compared: stdout and the exit code must be identical (and, for
an uncaught exception, the last stderr line).  A program whose output differs, or that heapsim
reports as unsupported, is listed with the reason and is not timed further.  Identical programs
are run ``-n`` times per side and the best wall time of each is kept.

Nothing is subtracted: each time is the wall time of the whole process, start-up included, and
the ratio is heapsim's time over python3's (an untimed warm-up run of each side comes first,
so that compiling heapsim's .pyc files is not charged to anything).  ``--clock cpu`` times each process by its user+sys
CPU time instead of its wall time (steadier when other work shares the machine).  Start-up is measured separately on an empty program
(both sides) and shown per program as the part of the ratio it accounts for
(``startup / python3 time``) and as a share of heapsim's time.  The summary line gives the
geometric mean of the ratios of the timed programs.

The peak resident memory of each child (``ru_maxrss`` from ``os.wait4``) is reported too, for
the host-memory budget of docs/architecture.md (at most 3x python3's peak).
"""

import argparse
import json
import math
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SRC = os.path.join(ROOT, "src")
PROGRAMS = os.path.join(HERE, "programs")
EMPTY_PROGRAM = "pass\n"


def child_env(src=None):
    env = dict(os.environ, PYTHONHASHSEED="0")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (src or SRC, env.get("PYTHONPATH")) if p)
    for name in ("PYTHONDONTWRITEBYTECODE", "PYTHONPROFILEIMPORTTIME", "PYTHONTRACEMALLOC",
                 "PYTHONDEVMODE", "HEAPSIM_DEBUG"):
        env.pop(name, None)
    return env


class Result:
    """One process run: wall seconds, exit code, stdout, stderr, peak RSS in KiB."""

    __slots__ = ("wall", "cpu", "code", "stdout", "stderr", "maxrss", "timed_out")

    def __init__(self, wall, code, stdout, stderr, maxrss, timed_out=False, cpu=None):
        self.wall = wall
        self.cpu = wall if cpu is None else cpu
        self.code = code
        self.stdout = stdout
        self.stderr = stderr
        self.maxrss = maxrss
        self.timed_out = timed_out


def run_process(argv, env, timeout):
    """Run argv to completion; time it with its own rusage (os.wait4) so that the peak RSS is
    this child's, not the maximum over every child so far."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                                env=env, start_new_session=True)
        timed_out = []

        def kill():
            timed_out.append(True)
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except OSError:
                pass

        timer = threading.Timer(timeout, kill) if timeout else None
        if timer is not None:
            timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            if timer is not None:
                timer.cancel()
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Result(wall, proc.returncode, out.read().decode("utf-8", "replace"),
                      err.read().decode("utf-8", "replace"), usage.ru_maxrss, bool(timed_out),
                      usage.ru_utime + usage.ru_stime)


def host_argv(prog):
    return [sys.executable, prog]


def sim_argv(prog):
    return [sys.executable, "-m", "heapsim", "run", prog]


def last_line(text):
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else ""


def compare(host, sim):
    """None when the runs agree, else a one-line reason."""
    if sim.timed_out:
        return "heapsim timed out"
    if host.timed_out:
        return "python3 timed out"
    if sim.code == 3 and "heapsim: unsupported" in sim.stderr:
        return "unsupported: " + last_line(sim.stderr).replace("heapsim: unsupported: ", "")
    if sim.code == 70:
        return "internal error: " + last_line(sim.stderr).replace("heapsim: internal error: ", "")
    if host.code != sim.code:
        detail = last_line(sim.stderr) or last_line(host.stderr)
        return f"exit code {sim.code} (python3 {host.code}): {detail}"
    if host.stdout != sim.stdout:
        hl, sl = host.stdout.splitlines(), sim.stdout.splitlines()
        for i, (a, b) in enumerate(zip(hl, sl)):
            if a != b:
                return f"stdout differs at line {i + 1}: {b[:60]!r} vs python3 {a[:60]!r}"
        return f"stdout differs: {len(sl)} lines vs python3 {len(hl)}"
    if host.code != 0 and last_line(host.stderr) != last_line(sim.stderr):
        return f"last stderr line differs: {last_line(sim.stderr)[:80]!r}"
    return None


def find_programs(directory, selectors):
    if not os.path.isdir(directory):
        raise SystemExit(f"run.py: {directory} is not a directory")
    names = sorted(f for f in os.listdir(directory)
                   if f.endswith(".py") and not f.startswith("_"))
    if selectors:
        chosen = [n for n in names if any(s in n for s in selectors)]
        missing = [s for s in selectors if not any(s in n for n in names)]
        if missing:
            raise SystemExit(f"run.py: no benchmark matches {', '.join(missing)} in {directory}")
        names = chosen
    return [os.path.join(directory, n) for n in names]


CLOCK = "wall"


def best(results):
    """The best time of the runs, on the clock chosen with --clock (wall or cpu)."""
    if CLOCK == "cpu":
        return min(r.cpu for r in results)
    return min(r.wall for r in results)


def measure_startup(repeat, env, timeout, log):
    """Best times of an empty program under python3 and heapsim, after a warm-up run."""
    with tempfile.TemporaryDirectory() as tmp:
        prog = os.path.join(tmp, "empty.py")
        with open(prog, "w") as fh:
            fh.write(EMPTY_PROGRAM)
        # One untimed run each first: it writes heapsim's .pyc files (a fresh checkout or
        # --src tree has none, and compiling them would be charged to the first start-up).
        run_process(host_argv(prog), env, timeout)
        run_process(sim_argv(prog), env, timeout)
        host = [run_process(host_argv(prog), env, timeout) for _ in range(repeat)]
        sim = [run_process(sim_argv(prog), env, timeout) for _ in range(repeat)]
    reason = compare(host[0], sim[0])
    if reason:
        log(f"warning: the empty program is not identical under heapsim: {reason}")
    return {"python3": best(host), "heapsim": best(sim),
            "python3_rss_kb": max(r.maxrss for r in host),
            "heapsim_rss_kb": max(r.maxrss for r in sim)}


def run_benchmarks(programs, repeat=3, timeout=600.0, log=None, src=None):
    """Measure every program; returns a dict with "startup", "programs" and "geomean".
    ``src`` is the directory holding the ``heapsim`` package to measure (default: this
    checkout's src/)."""
    log = log or (lambda msg: None)
    env = child_env(src)
    startup = measure_startup(repeat, env, timeout, log)
    rows = []
    for prog in programs:
        name = os.path.splitext(os.path.basename(prog))[0]
        log(f"{name}: python3 ...")
        host = [run_process(host_argv(prog), env, timeout)]
        log(f"{name}: heapsim ...")
        sim = [run_process(sim_argv(prog), env, timeout)]
        reason = compare(host[0], sim[0])
        row = {"name": name, "status": "ok" if reason is None else "differs", "reason": reason}
        if reason is None:
            for _ in range(repeat - 1):
                host.append(run_process(host_argv(prog), env, timeout))
                sim.append(run_process(sim_argv(prog), env, timeout))
            h, s = best(host), best(sim)
            row.update(python3=h, heapsim=s, ratio=s / h,
                       startup_part=startup["heapsim"] / h,
                       startup_share=startup["heapsim"] / s,
                       python3_rss_kb=max(r.maxrss for r in host),
                       heapsim_rss_kb=max(r.maxrss for r in sim))
            log(f"{name}: {h:.3f}s vs {s:.3f}s = {s / h:.1f}x")
        else:
            log(f"{name}: {reason}")
        rows.append(row)
    ratios = [r["ratio"] for r in rows if r["status"] == "ok"]
    geomean = math.exp(sum(math.log(x) for x in ratios) / len(ratios)) if ratios else None
    return {"repeat": repeat, "clock": CLOCK, "src": src or SRC, "python": sys.version.split()[0],
            "startup": startup,
            "programs": rows, "geomean": geomean,
            "timed": len(ratios), "untimed": len(rows) - len(ratios)}


def format_table(report, markdown=False):
    st = report["startup"]
    head = ["program", "python3 s", "heapsim s", "ratio", "startup part", "startup share",
            "rss ratio"]
    body = []
    for r in report["programs"]:
        if r["status"] == "ok":
            body.append([r["name"], f"{r['python3']:.3f}", f"{r['heapsim']:.3f}",
                         f"{r['ratio']:.1f}x", f"{r['startup_part']:.1f}x",
                         f"{100 * r['startup_share']:.0f}%",
                         f"{r['heapsim_rss_kb'] / r['python3_rss_kb']:.1f}x"])
        else:
            body.append([r["name"], "-", "-", "not timed", "", "", r["reason"]])
    gm = report["geomean"]
    summary = (f"geometric mean: {gm:.1f}x over {report['timed']} timed program(s)"
               if gm is not None else "geometric mean: n/a (no program was timed)")
    if report["untimed"]:
        summary += f"; {report['untimed']} not timed"
    startup = (f"start-up (empty program, best of {report['repeat']}, {report['clock']} "
               f"clock): python3 "
               f"{st['python3']:.3f}s, heapsim {st['heapsim']:.3f}s")
    lines = []
    if markdown:
        lines.append("| " + " | ".join(head) + " |")
        lines.append("|" + "|".join("---" if i == 0 else "---:" for i in range(len(head))) + "|")
        for row in body:
            lines.append("| " + " | ".join(c.replace("|", "\\|") for c in row) + " |")
        lines += ["", f"**{summary}**", "", startup]
        return "\n".join(lines)
    timed = [row for row in body if row[3] != "not timed"]
    widths = [max([len(head[i])] + [len(row[i]) for row in timed]) for i in range(len(head))]
    widths[0] = max([widths[0]] + [len(row[0]) for row in body])
    lines.append("  ".join(h.ljust(w) if i == 0 else h.rjust(w)
                           for i, (h, w) in enumerate(zip(head, widths))))
    for row in body:
        if row[3] == "not timed":
            lines.append(f"{row[0].ljust(widths[0])}  not timed: {row[6]}")
        else:
            lines.append("  ".join(c.ljust(w) if i == 0 else c.rjust(w)
                                   for i, (c, w) in enumerate(zip(row, widths))))
    lines += [summary, startup,
              "ratio = heapsim time / python3 time, start-up included on both sides; "
              "startup part = heapsim's empty-program time / python3's time (how much of the "
              "ratio is start-up); rss ratio = peak RSS heapsim / python3"]
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("selectors", nargs="*", metavar="NAME",
                        help="run only the programs whose file name contains NAME")
    parser.add_argument("-n", "--repeat", type=int, default=3,
                        help="runs per program and side; the best time is kept (default 3)")
    parser.add_argument("--dir", default=PROGRAMS, help="directory of benchmark programs")
    parser.add_argument("--src", default=None,
                        help="directory holding the heapsim package to measure (default: this "
                             "checkout's src/; e.g. an exported commit: git archive HEAD src)")
    parser.add_argument("--timeout", type=float, default=600.0,
                        help="seconds before a single run is killed (default 600)")
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall",
                        help="wall: elapsed time of each process (default); cpu: its user+sys "
                             "CPU time, steadier on a loaded machine")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument("--json", metavar="FILE", help="also write the measurements as JSON")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    global CLOCK
    CLOCK = args.clock
    programs = find_programs(args.dir, args.selectors)
    if not programs:
        parser.error(f"no benchmark programs in {args.dir}")
    log = None if args.quiet else (lambda msg: print(msg, file=sys.stderr, flush=True))
    src = os.path.abspath(args.src) if args.src else None
    report = run_benchmarks(programs, repeat=args.repeat, timeout=args.timeout, log=log,
                            src=src)
    print(format_table(report, markdown=args.markdown))
    if args.json:
        with open(args.json, "w") as fh:
            json.dump(report, fh, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Find test programs whose python3 (oracle) output is not deterministic.

Runs each program N times under ``sys.executable`` (the venv's CPython 3.11, the oracle
tests/test_programs.py uses) with ``PYTHONHASHSEED=0``, as the test does, and lists the
programs whose stdout, exit code or last stderr line varies between runs, with each variant
and how many runs gave it.  Address-dependent behaviour (ASLR: the type method cache slot of a
name, free-list order) is the usual cause; see docs/cpython-facts.md ("Measuring").

Usage::

    python tests/tools/oracle_stability.py [-n 20] [-j 2] [PROGRAMS...]

Without PROGRAMS, every tests/programs/*.py except helpers (_*.py).  At most 2 processes run
at a time by default (the machine is shared).  Exit status 1 if any program is unstable.
This is a tool, not a test: pytest does not collect it (its name does not match test_*.py).
"""

import argparse
import collections
import concurrent.futures
import difflib
import os
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent


def run_once(prog, timeout):
    env = dict(os.environ, PYTHONHASHSEED="0")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    try:
        r = subprocess.run([sys.executable, str(prog)], capture_output=True, text=True,
                           env=env, timeout=timeout)
    except subprocess.TimeoutExpired:
        return ("<timeout>", "", None)
    lines = r.stderr.strip().splitlines()
    return (r.stdout, lines[-1] if lines else "", r.returncode)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=20, help="runs per program (default 20)")
    ap.add_argument("-j", type=int, default=2, help="parallel processes (default 2, max 2)")
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("programs", nargs="*")
    args = ap.parse_args(argv)
    jobs = max(1, min(args.j, 2))
    if args.programs:
        progs = [pathlib.Path(p) for p in args.programs]
    else:
        progs = sorted(p for p in (ROOT / "tests" / "programs").glob("*.py")
                       if not p.name.startswith("_"))
    unstable = 0
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        for prog in progs:
            results = list(pool.map(lambda _: run_once(prog, args.timeout), range(args.n)))
            counts = collections.Counter(results)
            if len(counts) == 1:
                print(f"stable    {prog.name}", flush=True)
                continue
            unstable += 1
            variants = counts.most_common()
            print(f"UNSTABLE  {prog.name}: {len(variants)} variants over {args.n} runs",
                  flush=True)
            base = variants[0][0]
            for i, (res, n) in enumerate(variants):
                out, err, code = res
                print(f"  variant {i + 1}: {n} of {args.n} runs, exit {code}, "
                      f"last stderr {err!r}")
                if i:
                    diff = difflib.unified_diff(base[0].splitlines(), out.splitlines(),
                                                "variant 1", f"variant {i + 1}", n=0,
                                                lineterm="")
                    for line in list(diff)[2:]:
                        print("    " + line)
            sys.stdout.flush()
    print(f"{unstable} unstable of {len(progs)} programs ({args.n} runs each)")
    return 1 if unstable else 0


if __name__ == "__main__":
    sys.exit(main())

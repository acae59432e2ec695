"""Profile heapsim running one benchmark program (cProfile, sorted by own time).

(Named prof_heapsim, not profile: a file profile.py beside it would shadow the standard
library module that cProfile imports.)

Usage (from the repository root)::

    PYTHONHASHSEED=0 PYTHONPATH=src python3 benchmarks/prof_heapsim.py benchmarks/programs/bm_fib.py
    PYTHONHASHSEED=0 PYTHONPATH=src python3 benchmarks/prof_heapsim.py -n 40 -o fib.pstats PROG.py

``python -m cProfile -m heapsim run PROG`` sees almost nothing: ``heapsim run`` executes the
guest on a separate thread (for its large stack), and cProfile profiles only the thread that
enabled it.  This script starts a profiler inside every thread the run starts, then merges them
and prints the top functions by own time (``tottime``), with call counts.  The guest's stdout
goes to /dev/null unless ``--show-output`` is given.
"""

import argparse
import cProfile
import io
import os
import pstats
import sys
import threading


def profile_run(prog, argv=(), show_output=False):
    """Run ``heapsim run PROG`` in this process with every thread profiled; returns
    (exit code, pstats.Stats)."""
    from heapsim.tools import cli

    profiles = []
    original_run = threading.Thread.run

    def profiled_run(self):
        prof = cProfile.Profile()
        profiles.append(prof)
        prof.enable()
        try:
            original_run(self)
        finally:
            prof.disable()

    threading.Thread.run = profiled_run
    out = sys.stdout if show_output else io.StringIO()
    try:
        code = cli.run_program(prog, list(argv), stdout=out, stderr=sys.stderr)
    finally:
        threading.Thread.run = original_run
    if not profiles:
        raise SystemExit("prof_heapsim.py: the run started no thread; nothing was profiled")
    stats = pstats.Stats(profiles[0])
    for prof in profiles[1:]:
        stats.add(prof)
    return code, stats


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("prog", metavar="PROG.py")
    parser.add_argument("args", nargs=argparse.REMAINDER)
    parser.add_argument("-n", "--top", type=int, default=30, help="rows to print (default 30)")
    parser.add_argument("-s", "--sort", default="tottime",
                        help="pstats sort key (default tottime; e.g. cumulative, ncalls)")
    parser.add_argument("-o", "--output", help="also save the merged stats to this file")
    parser.add_argument("--show-output", action="store_true", help="let the guest print")
    args = parser.parse_args(argv)
    if os.environ.get("PYTHONHASHSEED") != "0":
        print("prof_heapsim.py: warning: PYTHONHASHSEED is not 0; str hashes (and so set and "
              "dict orders) may differ from the oracle's", file=sys.stderr)
    code, stats = profile_run(args.prog, args.args, args.show_output)
    if args.output:
        stats.dump_stats(args.output)
    print(f"exit code {code}; total {stats.total_tt:.2f}s of profiled time")
    stats.sort_stats(args.sort).print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The views' costs: recording overhead, and the replay page of a long run in Chromium.

Usage (from the repository root, in the project's environment)::

    PYTHONHASHSEED=0 python benchmarks/bench_views.py                 # everything
    PYTHONHASHSEED=0 python benchmarks/bench_views.py --skip-long     # recording overhead only
    PYTHONHASHSEED=0 python benchmarks/bench_views.py --skip-long fib cycles   # a subset

1. Recording overhead: for each program of benchmarks/programs, the CPU time (user + sys, all
   threads: ``time.process_time``) of ``record_program`` (the recorder attached) over its
   first ``--line-steps`` line steps, and of ``run_program`` (no recorder) stopped at the same
   instruction, best of ``-n``.
2. A long run: ``total += i`` over ``--iterations`` (two line steps an iteration: 10^5 steps
   for 50,000).  Its record's size (compact JSON), the page's size, the time to load the page
   in Chromium (navigation to the page's ready mark), and seeks measured in the page with
   performance.now(): every step of a 200-step stretch in order, then ``--seeks`` random
   jumps, and the worst and median of each.
"""

import argparse
import io
import json
import os
import pathlib
import random
import statistics
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from heapsim.tools.recording import record_program  # noqa: E402
from heapsim.tools.runner import run_program  # noqa: E402
from heapsim.tools.show import render_html  # noqa: E402


def cpu(fn):
    t = time.process_time()
    fn()
    return time.process_time() - t


def overhead(n, line_steps, names=()):
    """Recorded against plain CPU time over the same stretch of each program: the recording
    stops at ``line_steps`` line steps (a whole benchmark's record would take gigabytes), and
    the plain run is stopped at the same instruction (``max_steps``: the instructions the
    recorded stretch ran), so both sides do the same guest work."""
    rows = []
    for prog in sorted((ROOT / "benchmarks" / "programs").glob("bm_*.py")):
        if names and not any(x in prog.stem for x in names):
            continue
        got = {}

        def rec():
            r, _ = record_program(str(prog), max_line_steps=line_steps)
            got["steps"] = len(r.record["steps"]) - 1
            got["instructions"] = r.rt.interp.steps
        recorded = min(cpu(rec) for _ in range(n))
        plain = min(cpu(lambda: run_program(str(prog), [], stdout=io.StringIO(),
                                            stderr=io.StringIO(),
                                            max_steps=got["instructions"]))
                    for _ in range(n))
        rows.append((prog.stem, plain, recorded, got["steps"], got["instructions"]))
        print(f"{prog.stem}: {got['steps']:,} line steps, {got['instructions']:,} "
              f"instructions: plain {plain:.2f} s, recorded {recorded:.2f} s "
              f"({recorded / plain:.1f}x)", flush=True)
    return rows


def long_run(iterations, seeks):
    work = pathlib.Path(tempfile.mkdtemp(prefix="heapsim-bench-views-"))
    prog = work / "long.py"
    prog.write_text(f"total = 0\nfor i in range({iterations}):\n    total += i\n"
                    "print(total)\n")
    t = time.process_time()
    rec, code = record_program(str(prog), max_steps=10 ** 9)
    t_rec = time.process_time() - t
    record = rec.record
    nsteps = len(record["steps"])
    record_bytes = len(json.dumps(record, separators=(",", ":")))
    t = time.process_time()
    page = render_html(record)
    t_html = time.process_time() - t
    html = work / "long.html"
    html.write_text(page, encoding="utf-8")
    out = {"steps": nsteps, "exit_code": code, "record_cpu_s": round(t_rec, 1),
           "record_bytes": record_bytes, "render_cpu_s": round(t_html, 1),
           "html_bytes": len(page.encode("utf-8"))}
    from playwright.sync_api import sync_playwright
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium",
                                     args=["--no-sandbox", "--disable-dev-shm-usage"])
        pg = browser.new_page(viewport={"width": 1500, "height": 950})
        t = time.perf_counter()
        pg.goto(html.as_uri())
        pg.wait_for_selector("body[data-ready='1']", state="attached", timeout=300000)
        out["load_s"] = round(time.perf_counter() - t, 2)
        start = nsteps // 2
        seq = pg.evaluate(f"""() => {{ const t = [];
            for (let i = {start}; i < {start + 200}; i++) t.push(heapsimPage.seek(i));
            return t; }}""")
        rnd = random.Random(0)
        targets = [rnd.randrange(nsteps) for _ in range(seeks)]
        jumps = pg.evaluate(f"""() => {json.dumps(targets)}.map(i => heapsimPage.seek(i))""")
        browser.close()
    out["seek_next_worst_ms"] = round(max(seq), 1)
    out["seek_next_median_ms"] = round(statistics.median(seq), 1)
    out["seek_random_worst_ms"] = round(max(jumps), 1)
    out["seek_random_median_ms"] = round(statistics.median(jumps), 1)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-n", type=int, default=1, help="best of N for the overhead (default 1)")
    ap.add_argument("--line-steps", type=int, default=100_000, metavar="N",
                    help="the stretch recorded of each program (default 100,000 line steps)")
    ap.add_argument("--iterations", type=int, default=50000)
    ap.add_argument("--seeks", type=int, default=200)
    ap.add_argument("--skip-long", action="store_true")
    ap.add_argument("--skip-overhead", action="store_true")
    ap.add_argument("programs", nargs="*", help="benchmark programs for the overhead "
                    "(names or substrings; default all)")
    args = ap.parse_args()
    if os.environ.get("PYTHONHASHSEED") != "0":
        print("note: run with PYTHONHASHSEED=0 as the tests do", file=sys.stderr)
    if not args.skip_overhead:
        overhead(args.n, args.line_steps, args.programs)
    if not args.skip_long:
        print(json.dumps(long_run(args.iterations, args.seeks), indent=1))


if __name__ == "__main__":
    main()

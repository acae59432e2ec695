"""The run record is exact (issue 9, docs/trace-format.md): for every program in
tests/programs, the record

* validates against the JSON Schema (src/heapsim/record/trace.schema.json);
* leaves the run alone: the recorded run's stdout, stderr and exit code are a plain run's;
* replayed to its last step, gives every live program object (found by walking the heap from
  its roots, not from the record) with the same refcount, address, generation, size, block
  and references as the simulated heap at the end, knows no object the heap does not hold,
  and gives the allocator's used-block counts per size class and the collector's counts and
  thresholds;
* replayed to ten random steps, equals a live snapshot taken at that step.

The random steps are drawn (seeded by the program's name) from the number of line events
python3 itself reports for the program, an estimate of the record's step count; a step that
is not a safe point (a function frame running, whose C callers may hold references no root
declares) takes its snapshot at the next safe step.  When the estimate overshoots the record
so far that no sampled step was reached, the program is recorded again with steps sampled
from the record's own length.
"""

import functools
import io
import json
import os
import pathlib
import random
import subprocess
import sys

import jsonschema
import pytest

from heapsim.record.replay import Replay, unreachable
from heapsim.tools.recording import record_program
from heapsim.tools.runner import run_program

ROOT = pathlib.Path(__file__).resolve().parents[2]
PROGRAMS = sorted(p for p in (ROOT / "tests" / "programs").glob("*.py")
                  if not p.name.startswith("_"))
SCHEMA = json.loads((ROOT / "src" / "heapsim" / "record" / "trace.schema.json").read_text())
SNAPSHOTS = 10
# The record's size bound for this test: the few stress programs that run longer (a
# 100,000-deep nested list, say) are checked up to that point, where the recorder ends the
# run cleanly, as ``heapsim trace --max-line-steps`` would.
MAX_LINE_STEPS = 10_000

_COUNT_LINES = r"""
import sys, runpy, os
n = 0
target = os.path.abspath(sys.argv[1])
def tr(frame, event, arg):
    global n
    if frame.f_code.co_filename != target:
        return None
    if event == 'line':
        n += 1
    return tr
sys.stdout = open(os.devnull, 'w')
sys.settrace(tr)
try:
    runpy.run_path(sys.argv[1], run_name='__main__')
except BaseException:
    pass
sys.settrace(None)
sys.__stderr__.write(str(n))
"""


@functools.lru_cache(maxsize=None)
def validator():
    return jsonschema.Draft202012Validator(SCHEMA)


def line_events(prog):
    """How many line events python3 reports running prog (an estimate of the step count)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    env["PYTHONHASHSEED"] = "0"
    r = subprocess.run([sys.executable, "-c", _COUNT_LINES, str(prog)], capture_output=True,
                       text=True, env=env, cwd=prog.parent, timeout=300)
    digits = r.stderr.strip().rsplit("\n", 1)[-1]
    return int(digits) if digits.isdigit() else 1


def compare_state(replayed, live, where):
    problems = []
    if live["unrecorded"]:
        problems.append(f"{where}: live objects the record never saw born: "
                        f"{live['unrecorded'][:5]}")
    objs = replayed["objects"]
    for rid, entry in live["objects"].items():
        got = objs.get(rid)
        if got != entry:
            problems.append(f"{where}: {entry['name']}: record {got} != heap {entry}")
    for rid, entry in objs.items():
        if not entry["shared"] and rid not in live["objects"]:
            problems.append(f"{where}: {entry['name']} is in the record but not on the heap")
    return problems


@pytest.mark.parametrize("prog", PROGRAMS, ids=lambda p: p.name)
def test_record_is_exact(prog):
    n_est = line_events(prog)
    rng = random.Random(prog.name)
    n_est = min(n_est, MAX_LINE_STEPS)
    steps = sorted(rng.sample(range(1, n_est + 1), min(SNAPSHOTS, n_est)))
    plain_out, plain_err = io.StringIO(), io.StringIO()
    plain_code = run_program(str(prog), [], stdout=plain_out, stderr=plain_err)
    rec, code = record_program(str(prog), snapshot_steps=steps,
                               max_line_steps=MAX_LINE_STEPS)
    n = len(rec.record["steps"]) - 1
    if not rec.snapshots and n >= 3:
        # python3's estimate overshot the record (gc.get_objects() walks thousands of objects
        # in python3's start-up heap): sample again from the record's own length
        steps = sorted(rng.sample(range(1, n + 1), min(SNAPSHOTS, n)))
        rec, code = record_program(str(prog), snapshot_steps=steps,
                                   max_line_steps=MAX_LINE_STEPS)
    record = json.loads(json.dumps(rec.record))      # exactly what `heapsim trace` writes

    errors = sorted(validator().iter_errors(record), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}"[:300] for e in errors[:5]]
    if (record["error"] or "").startswith("heapsim: line step limit"):
        assert len(record["steps"]) == MAX_LINE_STEPS + 1 and code == 3   # + start-up
        assert plain_out.getvalue().startswith(record["stdout"])
    else:
        assert (record["stdout"], code) == (plain_out.getvalue(), plain_code)
        assert record["stderr"] == plain_err.getvalue()

    replay = Replay(record)
    last = len(record["steps"]) - 1
    problems = []
    stopped = (record["error"] or "").startswith("heapsim: ")
    if not stopped:
        # (a run a limit stopped unwound its frames without clearing them: what they held
        # stays alive, unreachable from any root, so only the earlier snapshots count)
        problems += compare_state(replay.state(last), rec.last_step_live, "end")
        assert replay.block_counts(last) == rec.last_step_live["blocks"]["classes"]
        assert replay.gc_counters(last) == rec.last_step_live["gc"]
    for i, live in sorted(rec.snapshots.items()):
        if stopped and i == last:
            continue
        problems += compare_state(replay.state(i), live, f"step {i}")
        assert replay.block_counts(i) == live["blocks"]["classes"], f"step {i}"
        assert replay.gc_counters(i) == live["gc"], f"step {i}"
        unreachable(replay.state(i))
    assert not problems, "\n".join(problems[:5])
    assert rec.snapshots or n_est < 3, "no snapshot was taken"

"""The recorder on tiny programs with exact expectations (in the manner of CPython's
test_gc): what python3 prints is the oracle for the figures the program can print; the
record must agree with it and with itself (events against states)."""

import os
import subprocess
import sys

from heapsim.objects.core import PyObject
from heapsim.record.replay import Replay, unreachable
from heapsim.tools.recording import record_program


def python3(path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    env["PYTHONHASHSEED"] = "0"
    r = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, env=env)
    return r.stdout, r.stderr, r.returncode


def record(tmp_path, source, **limits):
    prog = tmp_path / "prog.py"
    prog.write_text(source)
    rec, code = record_program(str(prog), **limits)
    return prog, rec.record, code


def step_at(rec, line, nth=0):
    found = [s for s in rec["steps"] if s["line"] == line and s["depth"] == 1]
    return found[nth]


def named(state, name):
    """The ids a frame name points to (module level)."""
    return [n["to"] for f in state["frames"] for n in f["names"] if n["name"] == name]


CYCLE = """\
import gc
gc.collect()
a = []
b = [a]
a.append(b)
del a, b
n = gc.collect()
print(n)
"""


def test_two_list_cycle_collected(tmp_path):
    prog, rec, code = record(tmp_path, CYCLE)
    assert (rec["stdout"], code) == python3(prog)[::2]
    replay = Replay(rec)
    before = step_at(rec, 6)["i"]                  # after `del a, b`
    state = replay.state(before)
    lists = [e["id"] for e in state["objects"].values() if e["type"] == "list"
             and not e["shared"]]
    assert sorted(unreachable(state)) == sorted(lists) and len(lists) == 2
    step = step_at(rec, 7)
    gc_events = [e for e in step["events"] if e["k"] == "gc"]
    # the explicit collection (gen 2) runs the phases in order
    phases = [e["phase"] for e in gc_events if e["g"] == 2 or e["phase"] == "subtract_refs"]
    assert phases[:1] == ["start"] and phases[-1] == "stop"
    assert phases.index("subtract_refs") < phases.index("unreachable") < \
        phases.index("delete") < phases.index("stop")
    found = next(e for e in gc_events if e["phase"] == "unreachable")
    assert sorted(found["objects"]) == sorted(lists)
    stop = next(e for e in gc_events if e["phase"] == "stop")
    assert stop["collected"] == int(rec["stdout"])
    deaths = [e["o"] for e in step["events"] if e["k"] == "death"]
    assert set(lists) <= set(deaths)
    refs = dict(next(e for e in gc_events if e["phase"] == "subtract_refs")["refs"])
    assert [refs[i] for i in lists] == [0, 0]      # only referenced by each other
    assert unreachable(replay.state(step["i"])) == []


def test_refcount_events_follow_names(tmp_path):
    prog, rec, code = record(tmp_path, "a = [1, 2]\nb = a\ndel b\nprint(len(a))\n")
    replay = Replay(rec)
    i2 = step_at(rec, 2)["i"]
    (lst,) = named(replay.state(i2), "a")
    assert named(replay.state(i2), "b") == [lst]
    before = replay.state(i2 - 1)["objects"][lst]["rc"]
    after = replay.state(i2)["objects"][lst]["rc"]
    assert after == before + 1
    events = [e for e in step_at(rec, 2)["events"] if e["k"] == "rc" and e["o"] == lst]
    assert events[0]["from"] == before and events[-1]["to"] == after
    assert any(e["why"] == "STORE_NAME b" for e in events)
    i3 = step_at(rec, 3)["i"]
    assert replay.state(i3)["objects"][lst]["rc"] == before
    assert any(e["why"] == "DELETE_NAME b" for e in step_at(rec, 3)["events"]
               if e["k"] == "rc")


def test_small_ints_are_one_shared_box(tmp_path):
    prog, rec, code = record(tmp_path, "x = 10\ny = 10\nz = 1000 * 3\n")
    state = Replay(rec).state(len(rec["steps"]) - 1)
    (x,), (y,), (z,) = named(state, "x"), named(state, "y"), named(state, "z")
    assert x == y and state["objects"][x]["shared"] and state["objects"][x]["value"] == "10"
    assert not state["objects"][z]["shared"] and state["objects"][z]["value"] == "3000"


def test_free_list_reuse_and_deaths(tmp_path):
    src = "y = 1.5\nx = y * 2\nx = y * 3\nx = y * 4\n"
    prog, rec, code = record(tmp_path, src)
    births = [e for s in rec["steps"] for e in s["events"] if e["k"] == "birth"
              and e["t"] == "float"]
    deaths = [e for s in rec["steps"] for e in s["events"] if e["k"] == "death"]
    assert len(deaths) >= 2
    # a float freed onto the float free list is kept, and the next float reuses its block
    kept = [d for d in deaths if d.get("kept")]
    assert kept and any(b.get("reused") and b["blk"] == kept[0]["blk"] for b in births)


def test_del_resurrection_is_not_a_death(tmp_path):
    src = ("keep = []\nclass A:\n    def __del__(self):\n        keep.append(self)\n"
           "a = A()\ndel a\nprint(len(keep))\n")
    prog, rec, code = record(tmp_path, src)
    assert (rec["stdout"], code) == python3(prog)[::2]
    calls = [e for s in rec["steps"] for e in s["events"] if e["k"] == "call"]
    assert [c["what"] for c in calls] == ["__del__"]
    obj = calls[0]["o"]
    assert obj is not None
    assert not [e for s in rec["steps"] for e in s["events"]
                if e["k"] == "death" and e["o"] == obj]
    final = Replay(rec).state(len(rec["steps"]) - 1)
    assert obj in final["objects"]


def test_recorder_detaches(tmp_path):
    record(tmp_path, "x = [1]\n")
    assert type(PyObject.__dict__["ob_refcnt"]).__name__ == "member_descriptor"


def test_limit_ends_the_record_cleanly(tmp_path):
    prog, rec, code = record(tmp_path, "i = 0\nwhile True:\n    i += 1\n", max_steps=5000)
    assert code == 3
    assert rec["error"].startswith("heapsim: instruction limit of 5000 reached")
    assert len(rec["steps"]) > 100
    assert {s["line"] for s in rec["steps"][1:]} <= {1, 2, 3}


def test_syntax_error_recorded_as_python3_prints_it(tmp_path):
    prog, rec, code = record(tmp_path, "x = (1,\nprint(x)\n")
    out, err, status = python3(prog)
    assert (rec["stderr"], code) == (err, status)
    assert len(rec["steps"]) == 1          # start-up only

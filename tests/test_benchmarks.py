"""The benchmark runner (benchmarks/run.py) works end to end on tiny programs.

Nothing here asserts on time: only that programs are run on both sides, compared, reported,
and that the table and the JSON carry what they promise.
"""

import importlib.util
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RUNNER = os.path.join(ROOT, "benchmarks", "run.py")


def _load_runner():
    spec = importlib.util.spec_from_file_location("heapsim_bench_run", RUNNER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _write(directory, name, text):
    path = directory / name
    path.write_text(text)
    return str(path)


def test_runner_times_an_identical_program_and_compares(tmp_path):
    run = _load_runner()
    ok = _write(tmp_path, "tiny_ok.py", "def f(n):\n    return n * 2\nprint(sum(f(i) for i in "
                                        "range(10)))\n")
    report = run.run_benchmarks([ok], repeat=2, timeout=120)
    (row,) = report["programs"]
    assert row["name"] == "tiny_ok" and row["status"] == "ok", row
    assert row["python3"] > 0 and row["heapsim"] > 0
    assert row["ratio"] == row["heapsim"] / row["python3"]
    assert abs(report["geomean"] - row["ratio"]) < 1e-9 * row["ratio"]
    assert report["startup"]["python3"] > 0 and report["startup"]["heapsim"] > 0
    assert row["heapsim_rss_kb"] > 0
    text = run.format_table(report)
    assert "tiny_ok" in text and "geometric mean" in text and "start-up" in text
    md = run.format_table(report, markdown=True)
    assert md.startswith("| program |")

    # A program that differs (here: a made-up exit-code difference) is reported, not timed.
    host = run.Result(0.1, 0, "a\n", "", 1)
    sim = run.Result(0.2, 1, "a\n", "Traceback...\nValueError: x\n", 1)
    assert "exit code 1" in run.compare(host, sim)
    sim = run.Result(0.2, 0, "b\n", "", 1)
    assert "stdout differs at line 1" in run.compare(host, sim)
    sim = run.Result(0.2, 3, "", "heapsim: unsupported: import of os (p.py:1)\n", 1)
    assert run.compare(host, sim).startswith("unsupported: import of os")
    assert run.compare(host, run.Result(0.2, 0, "a\n", "", 1)) is None


def test_runner_does_not_time_a_differing_program(tmp_path, monkeypatch):
    run = _load_runner()
    prog = _write(tmp_path, "tiny.py", "print('same')\n")
    # Stand in for a heapsim that prints something else: the row is reported, not timed.
    monkeypatch.setattr(run, "sim_argv", lambda p: [sys.executable, "-c", "print('other')"])
    report = run.run_benchmarks([prog], repeat=3, timeout=120)
    (row,) = report["programs"]
    assert row["status"] == "differs" and "stdout differs" in row["reason"]
    assert "ratio" not in row and report["geomean"] is None and report["untimed"] == 1
    assert "not timed" in run.format_table(report)


def test_runner_command_line_subset_and_json(tmp_path):
    progs = tmp_path / "progs"
    progs.mkdir()
    _write(progs, "alpha.py", "print('alpha', [i * i for i in range(5)])\n")
    _write(progs, "beta.py", "print('beta')\n")
    out_json = tmp_path / "r.json"
    p = subprocess.run([sys.executable, RUNNER, "--dir", str(progs), "-n", "1", "-q",
                        "--json", str(out_json), "alp"], capture_output=True, text=True,
                       timeout=300)
    assert p.returncode == 0, p.stderr
    assert "alpha" in p.stdout and "beta" not in p.stdout
    data = json.loads(out_json.read_text())
    assert [r["name"] for r in data["programs"]] == ["alpha"]
    assert data["programs"][0]["status"] == "ok"
    assert data["timed"] == 1 and data["untimed"] == 0

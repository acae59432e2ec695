"""Differential tests: every program in tests/programs/ (and examples/aliasing.py, the
README's first command) must give python3's stdout, last stderr line and exit code.

The expectations are produced at test time by the host python3 (``sys.executable``, which is
the CPython 3.11 oracle), under ``PYTHONHASHSEED=0``; nothing is hand-written.

heapsim runs each program with the heap audit on (``heapsim run --audit``): in the same run
that produces the compared output, the audit checks refcounts, generation lists and
allocator blocks after collections and at the end.  The audit only reads the heap, so the
output is the one a plain run gives; a finding ends the run as a simulator bug (exit 70), and
the test shows it.

Every program runs twice: once with the eval loop's fast paths (its named, guarded
specialisations, src/heapsim/interp/vm/specialize.py) and once in the reference mode that
runs only the generic handlers (``heapsim run --no-fast-paths``).  Both must match python3 with
the audit on, so a specialisation cannot drift from the handler it stands for.
"""

import functools
import io
import os
import pathlib
import subprocess
import sys

import pytest

from heapsim.tools.cli import DEFAULT_MAX_STEPS, compare_results, run_program

ROOT = pathlib.Path(__file__).resolve().parent.parent
# Files named _*.py are helper modules the programs import, not programs; a folder there
# (imp_pkg/, imp_ns/) is a package a program imports, never collected (the glob is flat).
PROGRAMS = sorted(p for p in (ROOT / "tests" / "programs").glob("*.py")
                  if not p.name.startswith("_"))

# Programs whose audit still finds something, with the reason (none at the moment).  They
# run without the audit until the cause is fixed; the list must stay explicit.
AUDIT_KNOWN_FAILURES = {
}

# The eval loop's two modes: with the specialisations, and the generic handlers only.
MODES = {"fast": True, "reference": False}


@functools.lru_cache(maxsize=None)
def _host_result(prog):
    """python3's (stdout, stderr, exit code) for prog (run once for both modes).

    The environment is the test run's without pytest's own variables: python3's start-up
    allocates os.environ on its heap, so a worker's PYTEST_XDIST_WORKER=gw0 instead of gw1
    moves the block counts the *_blocks programs print."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    env["PYTHONHASHSEED"] = "0"
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    host = subprocess.run([sys.executable, prog], capture_output=True, text=True, env=env)
    return host.stdout, host.stderr, host.returncode


def run_both_audited(prog, audit=True, fast_paths=True):
    """(python3's, heapsim's) results of running prog: (stdout, stderr, exit code) each,
    heapsim's run with the audit on and the fast paths on or off."""
    host_result = _host_result(prog)
    if os.environ.get("PYTHONHASHSEED") == "0":
        out, err = io.StringIO(), io.StringIO()
        code = run_program(prog, [], stdout=out, stderr=err, max_steps=DEFAULT_MAX_STEPS,
                           audit=audit, fast_paths=fast_paths)
        return host_result, (out.getvalue(), err.getvalue(), code)
    # str hashes come from the host's hash(): run heapsim under the oracle's seed too.
    env = dict(os.environ, PYTHONHASHSEED="0")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    src = str(ROOT / "src")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (src, env.get("PYTHONPATH")) if p)
    cmd = [sys.executable, "-m", "heapsim", "run"] + (["--audit"] if audit else []) + \
        ([] if fast_paths else ["--no-fast-paths"]) + [prog]
    sim = subprocess.run(cmd, capture_output=True, text=True, env=env)
    return host_result, (sim.stdout, sim.stderr, sim.returncode)


def _check(path, mode="fast"):
    audit = path.name not in AUDIT_KNOWN_FAILURES
    host, sim = run_both_audited(str(path), audit=audit, fast_paths=MODES[mode])
    diffs = compare_results(host, sim)
    assert not diffs, f"{path.name} differs from python3 ({mode} mode" + \
        (", heap audit on" if audit else "") + "):\n" + "\n".join(diffs) + \
        f"\n--- heapsim stderr:\n{sim[1]}"


@pytest.mark.parametrize("mode", list(MODES))
@pytest.mark.parametrize("path", PROGRAMS, ids=[p.stem for p in PROGRAMS])
def test_program_matches_python3(path, mode):
    _check(path, mode)


@pytest.mark.parametrize("mode", list(MODES))
def test_readme_example_aliasing(mode):
    _check(ROOT / "examples" / "aliasing.py", mode)


def test_audit_known_failures_exist():
    """The list of programs run without the audit names only existing programs."""
    names = {p.name for p in PROGRAMS}
    assert set(AUDIT_KNOWN_FAILURES) <= names

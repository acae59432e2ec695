"""Differential tests: every program in tests/programs/ (and examples/aliasing.py, the
README's first command) must give python3's stdout, last stderr line and exit code.

The expectations are produced at test time by the host python3 (``sys.executable``, which is
the CPython 3.11 oracle), under ``PYTHONHASHSEED=0``; nothing is hand-written.
"""

import pathlib

import pytest

from heapsim.tools.cli import compare_results, run_both

ROOT = pathlib.Path(__file__).resolve().parent.parent
PROGRAMS = sorted((ROOT / "tests" / "programs").glob("*.py"))


def _check(path):
    host, sim = run_both(str(path))
    diffs = compare_results(host, sim)
    assert not diffs, f"{path.name} differs from python3:\n" + "\n".join(diffs) + \
        f"\n--- heapsim stderr:\n{sim[1]}"


@pytest.mark.parametrize("path", PROGRAMS, ids=[p.stem for p in PROGRAMS])
def test_program_matches_python3(path):
    _check(path)


def test_readme_example_aliasing():
    _check(ROOT / "examples" / "aliasing.py")

"""Unit checks of the builtin-object attribute hooks, the "Did you mean" distance and the
compiler warnings, each against the host (CPython 3.11) where the host can say."""

import io
import os
import subprocess
import sys

from heapsim.interp.vm.traceback import calculate_suggestion
from heapsim.tools.cli import run_program


def _both(tmp_path, source):
    prog = tmp_path / "prog.py"
    prog.write_text(source)
    out, err = io.StringIO(), io.StringIO()
    code = run_program(str(prog), [], stdout=out, stderr=err)
    p = subprocess.run([sys.executable, str(prog)], capture_output=True, text=True,
                       env=dict(os.environ, PYTHONHASHSEED="0"))
    return (code, out.getvalue(), err.getvalue()), (p.returncode, p.stdout, p.stderr)


def test_suggestion_distance_matches_host(tmp_path):
    cases = [("lenght", ["length", "len", "lent"]), ("prnt", ["print", "repr"]),
             ("xyz", ["abc"]), ("Value", ["value", "valeu"]), ("a", ["b", "ab"])]
    for name, cands in cases:
        got = calculate_suggestion(cands, name)
        body = "".join(f"    {c} = 1\n" for c in cands)
        text = f"def f():\n{body}    {name}\nf()\n"
        (_, _, _), (_, _, herr) = _both(tmp_path, text)
        last = herr.strip().splitlines()[-1]
        expect = last.split("Did you mean: '")[1][:-2] if "Did you mean" in last else None
        assert got == expect, (name, cands, last)


def test_attribute_hooks_and_warnings(tmp_path):
    source = (
        "import sys\n"
        "def g():\n    yield sys._getframe().f_code.co_name\n"
        "x = g()\nprint(x.gi_running, next(x), x.gi_frame.f_lineno)\n"
        "e = KeyError('k')\ne.note = 1\nprint(e.__dict__, e.__traceback__)\n"
        "print(1 is 1)\n"
    )
    sim, host = _both(tmp_path, source)
    assert sim[0] == host[0] and sim[1] == host[1]
    assert sim[2].strip().splitlines()[-1] == host[2].strip().splitlines()[-1]

"""An uncaught exception group is printed as python3 prints it (the whole of stderr: the
nested boxes, the members' tracebacks, chained exceptions, the width limit)."""

import os
import subprocess
import sys

import pytest

PROGRAMS = {
    "nested": '''
def raiser(e):
    raise e
errs = []
for e in [ValueError("one"), TypeError("two")]:
    try:
        raiser(e)
    except Exception as x:
        errs.append(x)
errs.append(ExceptionGroup("inner", [OSError("three"), ExceptionGroup("deep", [KeyError(4)])]))
raise ExceptionGroup("outer", errs)
''',
    "chained": '''
try:
    raise KeyError("ctx")
except KeyError as k:
    try:
        raise ExceptionGroup("g", [ValueError(1)]) from k
    except* TypeError:
        pass
''',
    "wide": '''
raise BaseExceptionGroup("wide", [ValueError(i) for i in range(17)] + [KeyboardInterrupt()])
''',
    "handler_raises": '''
try:
    raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
except* ValueError:
    raise RuntimeError("in handler")
''',
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_uncaught_group_prints_as_python3(tmp_path, name):
    prog = tmp_path / "prog.py"
    prog.write_text(PROGRAMS[name])
    env = dict(os.environ, PYTHONHASHSEED="0")
    host = subprocess.run([sys.executable, str(prog)], capture_output=True, text=True,
                          env=env)
    sim = subprocess.run([sys.executable, "-m", "heapsim", "run", "--audit", str(prog)],
                         capture_output=True, text=True, env=env)
    assert (sim.returncode, sim.stdout, sim.stderr) == \
        (host.returncode, host.stdout, host.stderr)

"""``input()`` reads the run's stdin as python3's does: the prompt on stdout, one line per
call without its newline, EOFError at the end of the input (the program is compared with
python3 fed the same stdin)."""

import os
import subprocess
import sys

import pytest

PROGRAM = '''
name = input("Name? ")
print("hello", name, len(name))
print(repr(input()))
try:
    input("more> ")
except EOFError as e:
    print("eof", e)
print(callable(input), type(input).__name__)
'''


@pytest.mark.parametrize("data", ["Ann\nsecond line\n", "Ann\n", "", "no newline at end"])
def test_input_reads_stdin_as_python3(tmp_path, data):
    prog = tmp_path / "prog.py"
    prog.write_text(PROGRAM)
    env = dict(os.environ, PYTHONHASHSEED="0")
    host = subprocess.run([sys.executable, str(prog)], input=data, capture_output=True,
                          text=True, env=env)
    sim = subprocess.run([sys.executable, "-m", "heapsim", "run", "--audit", str(prog)],
                         input=data, capture_output=True, text=True, env=env)
    assert (sim.returncode, sim.stdout, sim.stderr.splitlines()[-1:]) == \
        (host.returncode, host.stdout, host.stderr.splitlines()[-1:])

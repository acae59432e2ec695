"""The ``heapsim run`` contract: exit codes and messages (docs/architecture.md, "Contracts")."""

import io
import os
import subprocess
import sys

import pytest

from heapsim.tools.cli import run_program


def _run(tmp_path, source, *argv, **kw):
    prog = tmp_path / "prog.py"
    prog.write_text(source)
    out, err = io.StringIO(), io.StringIO()
    code = run_program(str(prog), list(argv), stdout=out, stderr=err, **kw)
    return code, out.getvalue(), err.getvalue()


def _host(tmp_path, source):
    prog = tmp_path / "host.py"
    prog.write_text(source)
    p = subprocess.run([sys.executable, str(prog)], capture_output=True, text=True,
                       env=dict(os.environ, PYTHONHASHSEED="0"))
    return p.returncode, p.stdout, p.stderr


def test_missing_file_message(tmp_path):
    missing = tmp_path / "nope.py"
    err = io.StringIO()
    assert run_program(str(missing), [], stdout=io.StringIO(), stderr=err) == 2
    assert err.getvalue() == (f"python3: can't open file '{missing}': [Errno 2] No such file "
                              "or directory\n")


def test_uncaught_exception_traceback(tmp_path):
    src = "def f(x):\n    raise ValueError('bad ' + x)\n\nprint('before')\nf('thing')\n"
    code, out, err = _run(tmp_path, src)
    assert code == 1
    assert out == "before\n"
    lines = err.splitlines()
    assert lines[0] == "Traceback (most recent call last):"
    assert lines[1].endswith('line 5, in <module>')
    assert lines[2] == "    f('thing')"
    assert lines[3].endswith('line 2, in f')
    assert lines[4] == "    raise ValueError('bad ' + x)"
    assert lines[-1] == "ValueError: bad thing"
    assert _host(tmp_path, src)[2].splitlines()[-1] == lines[-1]


def test_system_exit_codes(tmp_path):
    assert _run(tmp_path, "import sys\nsys.exit(3)\n")[0] == 3
    assert _run(tmp_path, "import sys\nsys.exit()\n")[0] == 0
    code, out, err = _run(tmp_path, "import sys\nsys.exit('bye')\n")
    assert (code, err) == (1, "bye\n")


def test_syntax_error_like_python3(tmp_path):
    src = "x = = 1\n"
    code, out, err = _run(tmp_path, src)
    hcode, _, herr = _host(tmp_path, src)
    assert code == hcode == 1
    assert err.splitlines()[-1] == herr.splitlines()[-1]


def test_unsupported_import(tmp_path):
    code, out, err = _run(tmp_path, "print(1)\nimport os\n")
    assert code == 3
    assert out == "1\n"
    assert err.startswith("heapsim: unsupported: import of os: ")
    assert err.rstrip().endswith("prog.py:2)")


@pytest.mark.parametrize("fast_paths", [True, False], ids=["fast", "reference"])
@pytest.mark.parametrize("loop", ["while True:\n    pass\n",
                                  "i = 0\nwhile True:\n    i += 1\n",
                                  "i = 0\nwhile i >= 0:\n    i += 1\n"],
                         ids=["pass", "jump-backward", "pop-jump-backward"])
def test_max_steps_ends_endless_loop(tmp_path, loop, fast_paths):
    """In both modes of the eval loop: a loop in one frame meets the limit at its backward
    jump (the eval breaker), whichever jump closes it."""
    code, out, err = _run(tmp_path, loop, max_steps=10000, fast_paths=fast_paths)
    assert code == 3
    assert "instruction limit of 10000 reached" in err


@pytest.mark.parametrize("fast_paths", [True, False], ids=["fast", "reference"])
def test_timeout_ends_endless_loop(tmp_path, fast_paths):
    code, out, err = _run(tmp_path, "i = 0\nwhile True:\n    i += 1\n", timeout=0.5,
                          fast_paths=fast_paths)
    assert code == 3
    assert "time limit of 0.5 seconds reached" in err


def test_guest_recursion_is_a_recursion_error(tmp_path):
    src = "def f(n):\n    return f(n + 1)\nf(0)\n"
    code, out, err = _run(tmp_path, src)
    assert code == 1
    assert err.splitlines()[-1] == "RecursionError: maximum recursion depth exceeded"


def test_argv(tmp_path):
    code, out, err = _run(tmp_path, "import sys\nprint(sys.argv[1:])\n", "a", "b")
    assert out == "['a', 'b']\n"

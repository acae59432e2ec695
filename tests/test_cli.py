"""Limits and robustness of ``heapsim run`` (issue 4, acceptance 4): no input gives a host
traceback; python3's messages and exit codes where python3 has them."""

import io
import os
import subprocess
import sys

import pytest

from heapsim.tools.cli import run_program


def _both(tmp_path, data, name="prog.py", host=True, **kw):
    prog = tmp_path / name
    prog.write_bytes(data if isinstance(data, bytes) else data.encode())
    out, err = io.StringIO(), io.StringIO()
    code = run_program(str(prog), [], stdout=out, stderr=err, **kw)
    if not host:
        return (code, out.getvalue(), err.getvalue()), None
    host = subprocess.run([sys.executable, str(prog)], capture_output=True, text=True,
                          env=dict(os.environ, PYTHONHASHSEED="0"))
    return (code, out.getvalue(), err.getvalue()), (host.returncode, host.stdout, host.stderr)


@pytest.mark.parametrize("src", [
    "x = = 1\n", "def f(:\n  pass\n", "if x:\npass\n", "foo(1,\n", 'print "x"\n', "  x = 1\n",
    "return 5\n", "s = 'abc\n", "break\n", "x = 1 +\n", "f(**x, *y)\n",
])
def test_syntax_errors_print_as_python3(tmp_path, src):
    sim, host = _both(tmp_path, src)
    assert sim == host


@pytest.mark.parametrize("data", [
    b"x = 1\n\x89PNG\r\n\x1a\n\x00\x00", b"x = 1\x00\n", b"", b"\xef\xbb\xbfprint(1)\n",
    b"# -*- coding: latin-1 -*-\nprint('\xe9')\n", b"# -*- coding: foo -*-\nprint(1)\n",
])
def test_binary_and_odd_files(tmp_path, data):
    sim, host = _both(tmp_path, data)
    assert sim == host


def test_missing_file(tmp_path):
    err = io.StringIO()
    path = tmp_path / "missing.py"
    assert run_program(str(path), [], stdout=io.StringIO(), stderr=err) == 2
    host = subprocess.run([sys.executable, str(path)], capture_output=True, text=True)
    assert err.getvalue() == host.stderr.replace(os.path.basename(sys.executable), "python3",
                                                 1) or "can't open file" in err.getvalue()


def test_unsupported_import_exit_3(tmp_path):
    sim, host = _both(tmp_path, "import os\n")
    assert sim[0] == 3 and sim[2].startswith("heapsim: unsupported: import of os (")


def test_unknown_module_is_module_not_found(tmp_path):
    sim, host = _both(tmp_path, "import surely_not_a_module_xyz\n")
    assert sim[0] == host[0] == 1
    assert sim[2].splitlines()[-1] == host[2].splitlines()[-1]


def test_endless_loop_max_steps(tmp_path):
    sim, _ = _both(tmp_path, "print('start')\nwhile True:\n    pass\n", host=False,
                   max_steps=50000)
    assert sim[0] == 3 and sim[1] == "start\n"
    assert "instruction limit of 50000 reached" in sim[2] and "--max-steps" in sim[2]


def test_timeout(tmp_path):
    sim, _ = _both(tmp_path, "while True:\n    pass\n", host=False, timeout=0.3,
                   max_steps=None)
    assert sim[0] == 3 and "time limit" in sim[2] and "--timeout" in sim[2]


def test_endless_recursion_traceback(tmp_path):
    src = "def rec(n):\n    return rec(n + 1)\n\nrec(0)\n"
    sim, host = _both(tmp_path, src)
    assert sim == host


def test_max_heap_gives_memory_error(tmp_path):
    src = ("x = []\ntry:\n    while True:\n        x.append([0] * 1000)\n"
           "except MemoryError as e:\n    n = len(x)\n    x = None\n"
           "    print('MemoryError', repr(e), n > 10)\n")
    prog = tmp_path / "mem.py"
    prog.write_text(src)
    out, err = io.StringIO(), io.StringIO()
    code = run_program(str(prog), [], stdout=out, stderr=err, max_heap=16 << 20)
    assert (code, out.getvalue(), err.getvalue()) == (0, "MemoryError MemoryError() True\n", "")


def test_uncaught_memory_error(tmp_path):
    prog = tmp_path / "mem2.py"
    prog.write_text("x = []\nwhile True:\n    x.append([0] * 1000)\n")
    out, err = io.StringIO(), io.StringIO()
    code = run_program(str(prog), [], stdout=out, stderr=err, max_heap=16 << 20)
    assert code == 1 and err.getvalue().splitlines()[-1] == "MemoryError"
    assert "Traceback (most recent call last):" in err.getvalue()


def test_traceback_with_carets_and_chains(tmp_path):
    src = ('def f(d):\n    return d["a"]["b"] + 1\n\ndef g(x):\n    return f(  {"a": {}}  )\n'
           'def h():\n    try:\n        g(1)\n    except KeyError as e:\n'
           '        raise ValueError("wrapped") from e\ntry:\n    h()\nexcept ValueError:\n'
           '    x = [1, 2, 3]\n    print(x[1] + x[10])\n')
    sim, host = _both(tmp_path, src)
    assert sim == host

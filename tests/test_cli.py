"""Limits and robustness of ``heapsim run`` (issue 4, acceptance 4): no input gives a host
traceback; python3's messages and exit codes where python3 has them."""

import io
import os
import resource
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


def _host_as_python3(args, **kw):
    """Run the oracle as a user types it, ``python3 ...`` (argv[0] is what python3 names
    itself in its own messages), with the README venv's interpreter (``sys.executable``)."""
    return subprocess.run(["python3"] + args, executable=sys.executable, capture_output=True,
                          text=True, env=dict(os.environ, PYTHONHASHSEED="0"), **kw)


def test_missing_file(tmp_path):
    err, out = io.StringIO(), io.StringIO()
    path = tmp_path / "missing.py"
    code = run_program(str(path), [], stdout=out, stderr=err)
    host = _host_as_python3([str(path)])
    assert "can't open file" in host.stderr
    assert (code, out.getvalue(), err.getvalue()) == (host.returncode, host.stdout, host.stderr)


def test_unsupported_import_exit_3(tmp_path):
    """heapsim's own limit (python3 has ``os``): ``heapsim: unsupported``, exit 3."""
    sim, host = _both(tmp_path, "import os\n")
    assert host == (0, "", "")
    assert sim[0] == 3 and sim[1] == ""
    assert sim[2].startswith("heapsim: unsupported: import of os: ")


def test_unknown_module_is_module_not_found(tmp_path):
    sim, host = _both(tmp_path, "import surely_not_a_module_xyz\n")
    assert host[2].endswith("ModuleNotFoundError: No module named 'surely_not_a_module_xyz'\n")
    assert sim == host


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


def _limited(tmp_path, name, src, max_heap=16 << 20, host_limit=64 << 20):
    """(heapsim with ``--max-heap``, python3 with its address space limited): each as
    (exit code, stdout, stderr).  The host limit is larger than heapsim's because the host
    process's own start-up counts against it."""
    prog = tmp_path / name
    prog.write_text(src)
    out, err = io.StringIO(), io.StringIO()
    code = run_program(str(prog), [], stdout=out, stderr=err, max_heap=max_heap)

    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (host_limit, host_limit))

    host = subprocess.run([sys.executable, str(prog)], capture_output=True, text=True,
                          env=dict(os.environ, PYTHONHASHSEED="0"), preexec_fn=limit)
    return (code, out.getvalue(), err.getvalue()), (host.returncode, host.stdout, host.stderr)


def test_max_heap_gives_memory_error(tmp_path):
    src = ("x = []\ntry:\n    while True:\n        x.append([0] * 1000)\n"
           "except MemoryError as e:\n    n = len(x)\n    x = None\n"
           "    print('MemoryError', repr(e), n > 10)\n")
    sim, host = _limited(tmp_path, "mem.py", src)
    assert host[1].startswith("MemoryError")
    assert sim == host


def test_uncaught_memory_error(tmp_path):
    sim, host = _limited(tmp_path, "mem2.py", "x = []\nwhile True:\n    x.append([0] * 1000)\n")
    assert host[0] == 1 and host[2].endswith("\nMemoryError\n")
    # python3 prints its traceback while the memory is still exhausted: finding the
    # operator's position (~~~~^~~~~~) needs its parser, which then fails, so it underlines
    # the whole expression (^^^^).  heapsim's traceback printer is not in the simulated heap:
    # the caret lines are left out of the comparison.
    assert _without_carets(sim) == _without_carets(host)
    assert len(sim[2].splitlines()) == len(host[2].splitlines())


def _without_carets(result):
    code, out, err = result
    return code, out, [line for line in err.splitlines() if line.strip(" ~^")]


def test_traceback_with_carets_and_chains(tmp_path):
    src = ('def f(d):\n    return d["a"]["b"] + 1\n\ndef g(x):\n    return f(  {"a": {}}  )\n'
           'def h():\n    try:\n        g(1)\n    except KeyError as e:\n'
           '        raise ValueError("wrapped") from e\ntry:\n    h()\nexcept ValueError:\n'
           '    x = [1, 2, 3]\n    print(x[1] + x[10])\n')
    sim, host = _both(tmp_path, src)
    assert sim == host

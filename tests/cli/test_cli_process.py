"""The ``heapsim`` command as a process (issue 11, "the command line"): the real command in a
subprocess, compared with python3 run the same way (exit codes and stderr, taken from
python3 at test time).  No input, limit or signal gives a host traceback."""

import os
import signal
import subprocess
import sys
import time

import pytest

from heapsim.tools import cli

ENV = dict(os.environ, PYTHONHASHSEED="0")
RUN_COMMANDS = ("run", "check", "trace", "explain", "show")


def _default_sigint():
    """The children start as from a shell: SIGINT at its default (python installs its
    handler then), whatever the test runner did with it."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def heapsim(*args, **kw):
    return subprocess.run([sys.executable, "-m", "heapsim", *args], capture_output=True,
                          text=True, env=ENV, preexec_fn=_default_sigint, **kw)


def python3(*args, **kw):
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, env=ENV,
                          preexec_fn=_default_sigint, **kw)


def _prog(tmp_path, source, name="prog.py"):
    path = tmp_path / name
    path.write_text(source)
    return str(path)


def _no_host_traceback(text):
    assert "Traceback" not in text and "heapsim: internal error" not in text, text


# --- the limits on the command line -----------------------------------------------------

BAD_VALUES = [
    ("--max-heap", "1e400"), ("--max-heap", "inf"), ("--max-heap", "nan"),
    ("--max-heap", "-1"), ("--max-heap", "0"), ("--max-heap", "lots"), ("--max-heap", "-64M"),
    ("--timeout", "-1"), ("--timeout", "nan"), ("--timeout", "inf"), ("--timeout", "0"),
    ("--timeout", "soon"), ("--timeout", "1e300"),
    ("--max-steps", "0"), ("--max-steps", "-5"), ("--max-steps", "1.5"),
    ("--max-steps", "many"),
]


@pytest.mark.parametrize("option,value", BAD_VALUES)
def test_bad_limit_is_a_usage_error(tmp_path, option, value):
    prog = _prog(tmp_path, "print('ran')\n")
    p = heapsim("run", f"{option}={value}", prog)
    assert p.returncode == 2
    assert p.stdout == ""
    assert f"heapsim run: error: argument {option}: " in p.stderr
    assert repr(value) in p.stderr.splitlines()[-1]
    _no_host_traceback(p.stderr)


@pytest.mark.parametrize("command", RUN_COMMANDS + ("serve",))
def test_every_command_checks_its_limits(tmp_path, command):
    prog = _prog(tmp_path, "print('ran')\n")
    for option, value in (("--max-heap", "inf"), ("--timeout", "nan"), ("--max-steps", "0")):
        args = [command, f"{option}={value}"] + ([] if command == "serve" else [prog])
        p = heapsim(*args)
        assert p.returncode == 2, (args, p.stderr)
        assert f"heapsim {command}: error: argument {option}: " in p.stderr
        _no_host_traceback(p.stderr)


@pytest.mark.parametrize("command", ["trace", "explain", "show"])
def test_line_step_limit_checked(tmp_path, command):
    p = heapsim(command, "--max-line-steps=0", _prog(tmp_path, "pass\n"))
    assert p.returncode == 2 and "argument --max-line-steps: must be positive" in p.stderr


def test_limit_options_are_the_same_everywhere():
    """One declaration: every command that runs a program has the three limits, each
    parsed by the same function."""
    parser = cli.build_parser()
    subs = next(a for a in parser._actions if a.dest == "command").choices
    kinds = {}
    for command in RUN_COMMANDS + ("serve",):
        options = {a.option_strings[0]: a for a in subs[command]._actions if a.option_strings}
        for name in ("--max-steps", "--max-heap", "--timeout"):
            assert name in options, (command, name)
            kinds.setdefault(name, set()).add(options[name].type.__name__)
    assert all(len(types) == 1 for types in kinds.values()), kinds


def test_heap_too_small_to_start(tmp_path):
    p = heapsim("run", "--max-heap", "100", _prog(tmp_path, "print('ran')\n"))
    assert p.returncode == 3
    assert p.stderr.startswith("heapsim: simulated heap limit of 100 bytes exceeded")
    assert "while the interpreter starts; raise it with --max-heap" in p.stderr


# --- --timeout holds whatever the guest does ------------------------------------------------

LONG_RUNS = {
    "power": "x = 7 ** (10 ** 8)\n",
    "sum": "print(sum(range(10 ** 12)))\n",
    "endless_iterator": "print(max(iter(int, 1)))\n",
    "loop": "while True:\n    pass\n",
}


def _timed(*args):
    start = time.monotonic()
    p = heapsim(*args, timeout=120)
    return p, time.monotonic() - start


@pytest.mark.parametrize("name", sorted(LONG_RUNS))
def test_timeout_stops_any_run(tmp_path, name):
    prog = _prog(tmp_path, "print('started', flush=True)\n" + LONG_RUNS[name])
    _, start_up = _timed("run", _prog(tmp_path, "print('started')\n", "quick.py"))
    p, elapsed = _timed("run", "--timeout", "1", prog)
    assert p.returncode == 3
    assert p.stdout == "started\n"
    line = p.stderr.strip()
    assert line.startswith("heapsim: time limit of 1.0 seconds reached (")
    assert line.endswith("; raise it with --timeout")
    # the limit, the watcher's grace and start-up, with room for a loaded machine
    assert elapsed < 1.0 + start_up + 2.5, (elapsed, start_up)


def test_timeout_in_a_recorded_run(tmp_path):
    prog = _prog(tmp_path, "x = [1]\ny = 7 ** (10 ** 8)\n")
    p, elapsed = _timed("trace", "--timeout", "1", "-o", str(tmp_path / "r.json"), prog)
    assert p.returncode == 3
    assert "heapsim: time limit of 1.0 seconds reached" in p.stderr
    assert elapsed < 20


def test_timeout_not_reached_leaves_the_run_alone(tmp_path):
    src = "import sys\nprint('out')\nsys.exit(5)\n"
    p = heapsim("run", "--timeout", "30", _prog(tmp_path, src))
    assert (p.returncode, p.stdout, p.stderr) == (5, "out\n", "")


# --- Ctrl-C and KeyboardInterrupt -------------------------------------------------------

LOOP = "print('started', flush=True)\ni = 0\nwhile True:\n    i += 1\n"


def _signalled(cmd, send, started=True):
    """Start cmd in a process group of its own; once the program has said it started (or
    after 3 s when it says nothing: ``started`` False), call ``send(process)``; then
    (exit code, stdout, stderr, whether any process of the group was left)."""
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                         env=ENV, start_new_session=True, preexec_fn=_default_sigint)
    try:
        if started:
            assert p.stdout.readline() == "started\n"
            time.sleep(0.2)
        else:
            time.sleep(3)
        send(p)
        out, err = p.communicate(timeout=60)
    finally:
        left = _kill_group(p.pid)
    return p.returncode, out, err, left


def _kill_group(pgid):
    """Kill what is left of a process group; whether anything was."""
    try:
        os.killpg(pgid, signal.SIGKILL)
    except ProcessLookupError:
        return False
    return True


def _ctrl_c(p):
    """A terminal's Ctrl-C: SIGINT to the whole foreground group."""
    os.killpg(p.pid, signal.SIGINT)


@pytest.mark.parametrize("options", [[], ["--timeout", "60"], ["--audit"]],
                         ids=["plain", "supervised", "audit"])
def test_ctrl_c_is_a_guest_keyboard_interrupt(tmp_path, options):
    prog = _prog(tmp_path, LOOP)
    host = _signalled([sys.executable, prog], _ctrl_c)
    sim = _signalled([sys.executable, "-m", "heapsim", "run", *options, prog], _ctrl_c)
    assert host[0] == -signal.SIGINT
    assert sim == host              # the same traceback, at the loop's line
    assert "threading" not in sim[2] and "cli.py" not in sim[2]


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_signal_to_the_watcher_reaches_the_run(tmp_path, signum):
    """With --timeout the command watches its run from another process: a signal sent to
    the command alone (not its group) ends the run as it ends python3, and no process of
    the run is left."""
    prog = _prog(tmp_path, LOOP)
    host = _signalled([sys.executable, prog], lambda p: p.send_signal(signum))
    sim = _signalled([sys.executable, "-m", "heapsim", "run", "--timeout", "60", prog],
                     lambda p: p.send_signal(signum))
    assert host[0] == -signum and not host[3]
    assert sim == host


def test_ctrl_c_can_be_caught(tmp_path):
    src = ("print('started', flush=True)\ntry:\n    while True:\n        pass\n"
           "except KeyboardInterrupt:\n    print('caught')\n")
    sim = _signalled([sys.executable, "-m", "heapsim", "run", _prog(tmp_path, src)], _ctrl_c)
    assert sim == (0, "caught\n", "", False)


def test_ctrl_c_during_check(tmp_path):
    """check's own output is its report: it is stopped while both sides loop."""
    prog = _prog(tmp_path, LOOP)
    code, _, err, _ = _signalled([sys.executable, "-m", "heapsim", "check", prog], _ctrl_c,
                                 started=False)
    assert code == -signal.SIGINT
    assert "Traceback" not in err.replace("Traceback (most recent call last):\n  File "
                                          f'"{prog}"', "")


# --- exits ----------------------------------------------------------------------------------

EXITS = {
    "system_exit_subclass": "class Done(SystemExit):\n    pass\nraise Done(4)\n",
    "huge_code": "import sys\nsys.exit(2 ** 70)\n",
    "wrapping_code": "import sys\nsys.exit(2 ** 32 + 7)\n",
    "negative_code": "import sys\nsys.exit(-2 ** 40)\n",
    "message": "import sys\nsys.exit('bye')\n",
    "none": "import sys\nsys.exit(None)\n",
    "float": "import sys\nsys.exit(1.5)\n",
    "tuple": "raise SystemExit(3, 4)\n",
    "keyboard_interrupt": "print('x')\nraise KeyboardInterrupt('stop')\n",
}


@pytest.mark.parametrize("name", sorted(EXITS))
def test_exit_as_python3(tmp_path, name):
    prog = _prog(tmp_path, EXITS[name])
    host, sim = python3(prog), heapsim("run", prog)
    assert (sim.returncode, sim.stdout, sim.stderr) == (host.returncode, host.stdout,
                                                         host.stderr)


def test_directory_without_main(tmp_path):
    (tmp_path / "pkg").mkdir()
    for path in (str(tmp_path / "pkg"), "pkg", "./pkg/"):
        host = python3(path, cwd=tmp_path)
        sim = heapsim("run", path, cwd=tmp_path)
        assert "can't find '__main__' module" in host.stderr
        assert (sim.returncode, sim.stderr) == (host.returncode, host.stderr)


def test_directory_with_main(tmp_path):
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "__main__.py").write_text(
        "import sys\nprint(sys.argv[0], __file__.endswith('__main__.py'))\n")
    host = python3("app", "x", cwd=tmp_path)
    sim = heapsim("run", "app", "x", cwd=tmp_path)
    assert (sim.returncode, sim.stdout) == (host.returncode, host.stdout) == (0, host.stdout)


def test_missing_file_relative_path(tmp_path):
    """python3 makes the path absolute without normalising it (``/dir/./x.py``)."""
    host = subprocess.run(["python3", "./nothing/../missing.py"], executable=sys.executable,
                          capture_output=True, text=True, env=ENV, cwd=tmp_path)
    sim = heapsim("run", "./nothing/../missing.py", cwd=tmp_path)
    assert host.returncode == 2
    assert (sim.returncode, sim.stderr) == (host.returncode, host.stderr)


# --- output streams that fail -------------------------------------------------------------

MANY_LINES = "for i in range(100000):\n    print(i)\n"


def test_broken_pipe(tmp_path):
    """``heapsim run prog | head -1``: the reader goes away."""
    prog = _prog(tmp_path, MANY_LINES)
    results = []
    for cmd in ([sys.executable, prog], [sys.executable, "-m", "heapsim", "run", prog]):
        p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV,
                             preexec_fn=_default_sigint)
        assert p.stdout.readline() == b"0\n"
        p.stdout.close()
        err = p.stderr.read().decode()
        results.append((p.wait(timeout=60), err))
    assert results[0][1].endswith("BrokenPipeError: [Errno 32] Broken pipe\n")
    assert results[1] == results[0]


def test_text_the_stream_cannot_encode(tmp_path):
    """A lone surrogate printed (caught once, then uncaught): the stream's UnicodeEncodeError
    as the guest's, with python3's message."""
    src = ("print('a')\ntry:\n    print('x\\ud800')\nexcept UnicodeEncodeError as e:\n"
           "    print('caught', e)\nprint('\\ud800')\n")
    prog = _prog(tmp_path, src)
    host, sim = python3(prog), heapsim("run", "--audit", prog)
    assert "UnicodeEncodeError" in host.stderr
    assert (sim.returncode, sim.stdout, sim.stderr) == (host.returncode, host.stdout,
                                                         host.stderr)


def _shell(redirect, cmd):
    """cmd run by the shell with the redirection (``>&-``, ``2>&-``, ``>/dev/full``)."""
    p = subprocess.run(["bash", "-c", f'"$@" {redirect}', "bash", *cmd], env=ENV,
                       capture_output=True, text=True, preexec_fn=_default_sigint)
    return p.returncode, p.stderr


@pytest.mark.parametrize("redirect", [">&-", "2>&-", ">/dev/full", "2>/dev/full",
                                      ">&- 2>&-"])
@pytest.mark.parametrize("source", ["print('hello')\n", "print('hello')\nraise ValueError(1)\n",
                                    MANY_LINES], ids=["print", "error", "many"])
def test_failing_output_streams(tmp_path, redirect, source):
    if not os.path.exists("/dev/full") and "full" in redirect:
        pytest.skip("no /dev/full")
    prog = _prog(tmp_path, source)
    host = _shell(redirect, [sys.executable, prog])
    sim = _shell(redirect, [sys.executable, "-m", "heapsim", "run", prog])
    assert sim == host


# --- heapsim check ------------------------------------------------------------------------

def test_check_times_out_both_sides(tmp_path):
    prog = _prog(tmp_path, "while True:\n    pass\n")
    start = time.monotonic()
    p = heapsim("check", "--timeout", "1", prog, timeout=120)
    assert time.monotonic() - start < 30
    assert p.returncode == 3
    assert "python3 did not finish" in p.stderr and "--timeout" in p.stderr
    _no_host_traceback(p.stderr)


def test_check_identical(tmp_path):
    prog = _prog(tmp_path, "print([1, 2])\n")
    p = heapsim("check", "--audit", "--timeout", "60", prog)
    assert p.returncode == 0 and "identical to python3" in p.stdout


def test_check_passes_the_limits(tmp_path):
    """--max-steps and --max-heap reach heapsim's side (python3 has neither)."""
    prog = _prog(tmp_path, "x = [0] * 10 ** 7\nprint(len(x))\n")
    p = heapsim("check", "--max-heap", "16M", prog)
    assert p.returncode == 1
    assert "MemoryError" in p.stdout
    counting = "i = 0\nwhile i < 1000:\n    i += 1\nprint(i)\n"
    p = heapsim("check", "--max-steps", "100", _prog(tmp_path, counting, "count.py"))
    assert p.returncode == 1 and "instruction limit of 100 reached" in p.stdout


def test_check_output_not_utf8(tmp_path):
    """Output in another encoding (PYTHONIOENCODING=latin-1: bytes that are not UTF-8) on
    both sides: compared as bytes, shown escaped."""
    src = "print('caf\\xe9')\ni = 0\nwhile i < 1000:\n    i += 1\nprint(i)\n"
    prog = _prog(tmp_path, src)
    env = dict(ENV, PYTHONIOENCODING="latin-1")
    same = subprocess.run([sys.executable, "-m", "heapsim", "check", prog], env=env,
                          capture_output=True)
    assert same.returncode == 0 and b"identical to python3" in same.stdout
    differs = subprocess.run([sys.executable, "-m", "heapsim", "check", "--max-steps", "50",
                              prog], env=env, capture_output=True)
    assert differs.returncode == 1
    assert b"caf\\xe9" in differs.stdout
    _no_host_traceback(differs.stderr.decode("utf-8", "replace"))

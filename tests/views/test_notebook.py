"""The ``%%heapsim`` cell magic, through IPython's own machinery: a real ``InteractiveShell``
loads the extension and runs cells; what the display publisher receives is checked against
``record_program`` of the same code and against python3 running it."""

import html
import os
import re
import subprocess
import sys

import pytest
from IPython.core.interactiveshell import InteractiveShell
from IPython.utils.capture import capture_output

from heapsim.notebook import Replay
from heapsim.record.replay import Replay as StateReplay
from heapsim.tools.recording import record_program
from heapsim.tools.show import render_html

ALIASING = """\
import sys
a = [1, 2]
b = a
b.append(300)
class Node:
    pass
n = Node()
n.next = n
del n
import gc
print(len(a), gc.collect(), sys.getrefcount(a))
"""


@pytest.fixture(scope="module")
def shell():
    sh = InteractiveShell.instance()
    sh.run_line_magic("load_ext", "heapsim")
    return sh


def run(shell, text):
    """Run a cell; (its result, the captured stdout, stderr and displayed outputs)."""
    with capture_output() as cap:
        result = shell.run_cell(text)
    return result, cap


def displayed_page(cap):
    """The one HTML display of the cell, and the document inside its iframe's srcdoc."""
    htmls = [o.data["text/html"] for o in cap.outputs if "text/html" in o.data]
    assert len(htmls) == 1, cap.outputs
    m = re.fullmatch(r'<iframe [^>]*sandbox="allow-scripts"[^>]* srcdoc="([^"]*)"></iframe>',
                     htmls[0])
    assert m, htmls[0][:300]
    return html.unescape(m.group(1))


def rerun(record):
    """record_program of the same code at the same path (the cell's file is gone by now)."""
    path = record["program"]
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(record["sources"][path])
    try:
        return record_program(path)[0].record
    finally:
        os.remove(path)


def python3(record):
    """python3's (stdout, stderr, exit code) running the cell's code at the cell's path."""
    path = record["program"]
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(record["sources"][path])
    try:
        p = subprocess.run([sys.executable, path], capture_output=True, text=True,
                           env=dict(os.environ, PYTHONHASHSEED="0"))
    finally:
        os.remove(path)
    return p.stdout, p.stderr, p.returncode


def test_import_heapsim_needs_no_ipython():
    code = ("import sys, heapsim; assert callable(heapsim.load_ipython_extension); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('IPython', 'heapsim')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "['heapsim']"


def test_cell_displays_the_replay_of_its_code(shell):
    result, cap = run(shell, "%%heapsim --record rec\n" + ALIASING)
    assert result.success, result.error_in_exec
    record = shell.user_ns["rec"]
    assert record["sources"][record["program"]] == ALIASING
    page = displayed_page(cap)
    fresh = rerun(record)
    # the displayed page is the replay of exactly this run: same record, same document
    assert record == fresh
    assert page == render_html(fresh, f"In [{result.execution_count}]")
    assert page == Replay(record, f"In [{result.execution_count}]").page
    # and it is this code's run, as python3 runs it: the output, and in the last state the
    # one list that a and b name as the last line starts, with the refcount python3's
    # getrefcount gives there (less its argument's reference)
    out, err, code = python3(record)
    assert (cap.stdout, cap.stderr, code) == (out, err, 0)
    assert fresh["steps"][-1]["line"] == ALIASING.count("\n")
    state = StateReplay(fresh).state(len(fresh["steps"]) - 2)
    names = {n["name"]: n["to"] for f in state["frames"] for n in f["names"]}
    assert names["a"] == names["b"]
    assert state["objects"][names["a"]]["rc"] == int(out.split()[-1]) - 1


@pytest.mark.parametrize("code", [
    "x = [1]\ny = {'k': x}\nprint(y['k'] is x)\nz = y['missing']\n",
    "def f(n):\n    return 10 // n\nprint(f(5))\nf(0)\n",
    "x = 1\nif x\n    print(x)\n",
])
def test_guest_errors_print_as_python3_prints_them(shell, code):
    result, cap = run(shell, "%%heapsim --record rec\n" + code)
    assert result.success           # the magic worked: the guest's error is its output
    record = shell.user_ns["rec"]
    out, err, status = python3(record)
    assert status == 1 and record["exit_code"] == 1
    assert (cap.stdout, cap.stderr) == (out, err)
    # the replay is still shown, up to the end, holding the error
    page = displayed_page(cap)
    assert page == render_html(record, f"In [{result.execution_count}]")
    assert record["stderr"] == err


def test_time_limit_ends_an_endless_loop(shell):
    result, cap = run(shell, "%%heapsim --record rec --timeout 1\nn = 0\nwhile True:\n"
                             "    n += 1\n")
    record = shell.user_ns["rec"]
    assert cap.stderr.startswith("heapsim: time limit of 1.0 seconds reached (")
    assert cap.stderr.rstrip().endswith("raise it with --timeout")
    assert record["exit_code"] == 3 and record["error"] == cap.stderr.strip()
    assert len(record["steps"]) > 3 and displayed_page(cap)


def test_step_limit_holds(shell):
    code = "def f():\n    return 1\nwhile True:\n    f()\n"
    result, cap = run(shell, "%%heapsim --record rec --max-steps 3000\n" + code)
    record = shell.user_ns["rec"]
    assert cap.stderr.startswith("heapsim: instruction limit of 3000 reached (")
    assert record["exit_code"] == 3 and displayed_page(cap)


def test_heap_limit_gives_memory_error(shell):
    code = "keep = []\nwhile True:\n    keep.append([0] * 1000)\n"
    result, cap = run(shell, "%%heapsim --record rec --max-heap 2M\n" + code)
    record = shell.user_ns["rec"]
    assert cap.stderr.splitlines()[-1] == "MemoryError"
    assert record["exit_code"] == 1 and displayed_page(cap)
    assert f'File "{record["program"]}", line 3, in <module>' in cap.stderr
    assert record["stderr"] == cap.stderr


def test_output_is_capped(shell):
    code = "for i in range(50):\n    print('x' * 1000)\n"
    result, cap = run(shell, "%%heapsim --record rec --max-output 10000\n" + code)
    record = shell.user_ns["rec"]
    assert cap.stdout.startswith("x" * 1000 + "\n")
    assert cap.stdout.endswith("[heapsim: stdout cut: 50,050 characters written, "
                               "the first 10,000 kept]\n")
    assert len(cap.stdout) < 10_200
    assert record["stdout"] == cap.stdout
    shown = "".join(e["text"] for s in record["steps"] for e in s["events"]
                    if e["k"] == "stdout")
    assert shown == cap.stdout


def test_bad_options_are_a_usage_error(shell):
    result, cap = run(shell, "%%heapsim --max-steps lots\nx = 1\n")
    assert not result.success
    assert "UsageError" in type(result.error_in_exec).__name__
    assert "--max-steps" in str(result.error_in_exec)
    assert not [o for o in cap.outputs if "text/html" in o.data]


def test_the_displayed_html_replays_in_chromium(shell, tmp_path, page, screenshot_dir):
    """The display's HTML as a notebook frontend inserts it (into a page of its own), in
    Chromium (conftest's ``page``): the replay runs in its sandboxed frame and steps to the
    program's end, fetching nothing."""
    code = "s = 'quotes \" and <tags> & ampersands'\nt = [s, s]\nprint(len(t))\n"
    result, cap = run(shell, "%%heapsim --record rec\n" + code)
    record = shell.user_ns["rec"]
    htmls = [o.data["text/html"] for o in cap.outputs if "text/html" in o.data]
    notebook = tmp_path / "notebook.html"
    notebook.write_text("<!DOCTYPE html><html><body><div class='output'>"
                        + htmls[0] + "</div></body></html>", encoding="utf-8")
    page.goto(notebook.as_uri())
    frame = page.frame_locator("iframe.heapsim-replay")
    frame.locator("#code").get_by_text("print(len(t))").wait_for(timeout=30_000)
    frame.locator("#last").click()
    last = len(record["steps"]) - 1
    assert frame.locator("#stepno").inner_text() == f"step {last} of {last}"
    assert frame.locator("#stdout").text_content() == cap.stdout
    assert frame.locator("#code").get_by_text(code.splitlines()[0]).count() == 1
    page.screenshot(path=str(screenshot_dir / "notebook-cell.png"))
    assert not page.errors, page.errors
    assert not page.requests, page.requests

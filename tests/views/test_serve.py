"""``heapsim serve``: a real server on a loopback address (port 0: a free one), driven over
HTTP as the editor page drives it, and once through the page itself in Chromium."""

import contextlib
import http.client
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time

import pytest

from heapsim.tools.recording import record_program
from heapsim.tools.snippet import Limits
from heapsim.tools.serve import PlaygroundServer, ServeConfig, limits_text
from heapsim.tools.show import render_html

ALIASING = "a = [1, 2]\nb = a\nb.append(3)\nprint(a, a is b)\n"
ENDLESS = "n = 0\nwhile True:\n    n += 1\n"


@contextlib.contextmanager
def running(host="127.0.0.1", **config):
    """A server in a thread of this process, stopped afterwards."""
    limits = config.pop("limits", Limits(timeout=3.0))
    server = PlaygroundServer((host, 0), ServeConfig(limits, **config))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def server():
    with running() as s:
        yield s


def request(server, method, path, body=None, headers=None, timeout=120):
    host, port = server.server_address[:2]
    conn = http.client.HTTPConnection(host, port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        resp = conn.getresponse()
        return resp.status, dict(resp.getheaders()), resp.read()
    finally:
        conn.close()


def post_run(server, source):
    status, headers, body = request(server, "POST", "/run", json.dumps({"source": source}),
                                    {"Content-Type": "application/json"})
    return status, json.loads(body), len(body)


def at_path(result, fn):
    """fn(path) with the program file written back where the server's worker ran it."""
    path = result["program"]
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(result["source"])
    try:
        return fn(path)
    finally:
        os.remove(path)
        os.rmdir(os.path.dirname(path))


def python3(path):
    p = subprocess.run([sys.executable, path], capture_output=True, text=True,
                       env=dict(os.environ, PYTHONHASHSEED="0"))
    return p.stdout, p.stderr, p.returncode


def test_editor_page(server):
    status, headers, body = request(server, "GET", "/")
    page = body.decode("utf-8")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    assert '<textarea id="source"' in page and '<button id="run"' in page
    assert '<iframe id="replay"' in page and 'sandbox="allow-scripts"' in page
    assert limits_text(server.config.limits) in page         # this server's limits
    assert ", 3 s" in limits_text(server.config.limits)
    assert "http://" not in page and "https://" not in page            # nothing fetched
    assert request(server, "GET", "/elsewhere")[0] == 404


def test_a_program_comes_back_with_its_replay(server):
    status, result, _ = post_run(server, ALIASING)
    assert status == 200
    result["source"] = ALIASING
    out, err, code = at_path(result, python3)
    assert (result["stdout"], result["stderr"], result["exit_code"]) == (out, err, code)
    assert result["error"] is None
    record = at_path(result, lambda p: record_program(p)[0].record)
    assert result["steps"] == len(record["steps"])
    assert result["page"] == render_html(record)


@pytest.mark.parametrize("source", [
    "x = 1\nif x\n    print(x)\n",
    "print('before')\nd = {}\nd['missing']\n",
    "class C:\n    def __init__(self, n):\n        self.n = 10 // n\nc = [C(1), C(0)]\n",
])
def test_guest_errors_come_back_as_python3_prints_them(server, source):
    status, result, _ = post_run(server, source)
    assert status == 200
    result["source"] = source
    out, err, code = at_path(result, python3)
    assert (result["stdout"], result["stderr"], result["exit_code"]) == (out, err, code)
    assert code == 1 and result["page"].startswith("<!DOCTYPE html>")


def test_an_endless_loop_meets_the_time_limit_and_others_are_answered_meanwhile(server):
    slow = {}

    def endless():
        started = time.monotonic()
        slow["result"] = post_run(server, ENDLESS)
        slow["seconds"] = time.monotonic() - started

    t = threading.Thread(target=endless)
    t.start()
    time.sleep(0.5)
    started = time.monotonic()
    assert request(server, "GET", "/")[0] == 200
    status, quick, _ = post_run(server, "print(6 * 7)\n")
    quick_seconds = time.monotonic() - started
    assert "result" not in slow                 # the endless run is still going
    t.join()
    assert status == 200 and quick["stdout"] == "42\n" and quick["exit_code"] == 0
    status, result, _ = slow["result"]
    assert status == 200
    assert result["error"].startswith("heapsim: time limit of 3.0 seconds reached (")
    assert result["exit_code"] == 3 and result["steps"] > 3
    assert result["page"].startswith("<!DOCTYPE html>")     # what happened up to the limit
    assert quick_seconds < slow["seconds"]


def test_the_step_limit_holds():
    with running(limits=Limits(max_steps=5000, timeout=30.0)) as server:
        status, result, _ = post_run(server, "def f():\n    return 1\nwhile True:\n    f()\n")
    assert status == 200 and result["exit_code"] == 3
    assert result["error"].startswith("heapsim: instruction limit of 5000 reached (")


def test_a_hundred_megabytes_of_output_do_not_take_the_server_down(server):
    status, result, size = post_run(server, "print('x' * 100_000_000)\nprint('after')\n")
    assert status == 200
    assert size < 8 << 20
    cut = "[heapsim: stdout cut: 100,000,007 characters written, the first 1,048,576 kept]"
    assert result["stdout"].startswith("x" * 1000) and cut in result["stdout"]
    assert len(result["stdout"]) < (1 << 20) + 200
    assert post_run(server, "print('still here')\n")[1]["stdout"] == "still here\n"


def test_a_worker_that_overstays_is_killed():
    with running(limits=Limits(timeout=None), kill_after=2.0) as server:
        started = time.monotonic()
        status, result, _ = post_run(server, ENDLESS)
        assert time.monotonic() - started < 10
    assert status == 200 and result["page"] is None
    assert result["error"] == ("heapsim: the run was stopped after 2 seconds (the server's "
                               "wall-clock limit)")


def test_closing_the_server_kills_the_runs_in_progress():
    with running(limits=Limits(timeout=None), kill_after=600) as server:
        t = threading.Thread(target=post_run, args=(server, ENDLESS), daemon=True)
        t.start()
        deadline = time.monotonic() + 30
        while not server.workers and time.monotonic() < deadline:
            time.sleep(0.05)
        (proc,) = server.workers
        assert proc.poll() is None
    assert proc.wait(timeout=10) == -9


def test_runs_at_once_are_capped():
    with running(max_runs=1) as server:
        t = threading.Thread(target=post_run, args=(server, ENDLESS))
        t.start()
        time.sleep(0.5)
        started = time.monotonic()
        status, result, _ = post_run(server, "print(1)\n")
        assert time.monotonic() - started < 2
        t.join()
    assert status == 503 and "1 runs are in progress" in result["error"]


def test_bad_requests(server):
    big = json.dumps({"source": "x = 1\n" * 50_000})
    with running(max_source=1000) as small:
        assert post_run(small, "#" * 1001)[0] == 413
        status, _, body = request(small, "POST", "/run", big,
                                  {"Content-Type": "application/json"})
        assert status == 413 and b"too large" in body
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    assert request(server, "POST", "/run", "source=print(1)", form)[0] == 415
    assert request(server, "POST", "/run", "{}", {"Content-Type": "application/json"})[0] \
        == 400
    assert request(server, "POST", "/elsewhere", "{}")[0] == 404


def test_only_requests_for_this_host_are_answered(server):
    port = server.server_address[1]
    for host in ("evil.example", f"evil.example:{port}", "127.0.0.1:1"):
        status, _, _ = request(server, "GET", "/", headers={"Host": host})
        assert status == 421
    assert request(server, "GET", "/", headers={"Host": f"localhost:{port}"})[0] == 200
    body = json.dumps({"source": "print(1)\n"})
    for origin, expected in (("http://evil.example", 403), (server.url.rstrip("/"), 200)):
        status, _, _ = request(server, "POST", "/run", body,
                               {"Content-Type": "application/json", "Origin": origin})
        assert status == expected


def connects(host, port):
    try:
        with socket.create_connection((host, port), timeout=2):
            return True
    except OSError:
        return False


@pytest.mark.parametrize("where, elsewhere", [("127.0.0.1", "127.0.0.2"),
                                              ("127.0.0.2", "127.0.0.1")])
def test_the_server_listens_only_where_asked(where, elsewhere):
    with running(where) as server:
        host, port = server.server_address[:2]
        assert host == where
        assert connects(where, port) and not connects(elsewhere, port)


def test_the_command_binds_loopback_by_default_and_prints_its_url(tmp_path):
    proc = subprocess.Popen([sys.executable, "-m", "heapsim", "serve", "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = proc.stdout.readline()
        assert line.startswith("heapsim serve: http://127.0.0.1:"), line
        port = int(line.split("http://127.0.0.1:")[1].split("/")[0])
        assert connects("127.0.0.1", port) and not connects("127.0.0.2", port)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("GET", "/")
        assert conn.getresponse().status == 200
        conn.close()
    finally:
        proc.terminate()
        proc.wait(timeout=10)


# ------------------------------------------------------------------ in a real browser

def test_in_chromium_type_run_and_the_replay_appears(server, browser, screenshot_dir):
    """The editor page in Chromium (conftest's ``browser``): typed into, Run pressed, the
    replay appears in its frame and steps to the program's end."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    errors, elsewhere = [], []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("request", lambda r: None if r.url.startswith((server.url, "data:", "blob:",
                                                            "about:"))
            else elsewhere.append(r.url))
    try:
        page.goto(server.url)
        editor = page.locator("#source")
        editor.fill("")
        editor.click()
        # typed as a person types: Enter keeps the indentation and adds a level after ':',
        # Backspace takes a level off, Tab puts one on
        page.keyboard.type("def f():\nx = [1, 2]\nreturn x\n")
        page.keyboard.press("Backspace")
        page.keyboard.type("y = f()\nif y:\n")
        page.keyboard.press("Backspace")
        page.keyboard.press("Tab")
        page.keyboard.type("print(len(y))")
        assert editor.input_value() == ("def f():\n    x = [1, 2]\n    return x\n"
                                        "y = f()\nif y:\n    print(len(y))")
        page.click("#run")
        page.wait_for_selector("#out:not([hidden])", timeout=60_000)
        assert page.locator("#out").text_content() == "2\n"
        frame = page.frame_locator("#replay")
        stepno = frame.locator("#stepno")
        frame.locator("#code").get_by_text("print(len(y))").wait_for(timeout=30_000)
        status = page.locator("#status").inner_text()
        steps = int(re.search(r"finished after (\d+) line steps", status).group(1))
        assert re.fullmatch(rf"step \d+ of {steps - 1}", stepno.inner_text())
        frame.locator("#last").click()
        assert stepno.inner_text() == f"step {steps - 1} of {steps - 1}"
        assert frame.locator("#stdout").text_content() == "2\n"
        page.screenshot(path=str(screenshot_dir / "serve-run.png"))
    finally:
        context.close()
    assert not errors, errors
    assert not elsewhere, elsewhere

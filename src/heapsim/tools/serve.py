"""``heapsim serve``: a local page with an editor; Run shows the program's replay.

The server is the standard library's ``ThreadingHTTPServer``: every request has its own
thread, so a run in progress never holds up another request.  Each run happens in a
separate process (``python -m heapsim.tools.snippet DIR``) under the run limits (steps,
simulated heap, wall time), with the process's own kernel limits and a hard wall-clock kill
behind them; its stdout and stderr are capped in the worker, so a program that prints
100 MB sends back a bounded answer.  The page is served from package data
(``serve_page/``): plain HTML, CSS and JavaScript of the project's own, nothing fetched.

Routes: ``GET /`` the editor page; ``POST /run`` with ``{"source": "..."}`` (JSON) runs it
and answers JSON (``RunResult.as_json``).  The server binds 127.0.0.1 unless told otherwise,
and answers only requests whose ``Host`` names the address it was asked to serve.
"""

import http.server
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
from importlib import resources

from heapsim.tools.snippet import Limits

PAGE_FILES = ("index.html", "editor.css", "editor.js")
DEFAULT_MAX_SOURCE = 256 << 10
DEFAULT_MAX_RUNS = 2
DEFAULT_MAX_PAGE = 64 << 20
DRAIN_LIMIT = 16 << 20     # a too large request body up to this size is read, then refused
KILL_GRACE = 60.0           # seconds the worker gets beyond the run's timeout (start, page)


class ServeConfig:
    """What one server allows: the run limits, the largest source accepted (bytes), how many
    runs at once, the largest replay page sent back, and the seconds after which a worker is
    killed whatever it is doing."""

    def __init__(self, limits=None, max_source=DEFAULT_MAX_SOURCE, max_runs=DEFAULT_MAX_RUNS,
                 max_page=DEFAULT_MAX_PAGE, kill_after=None):
        self.limits = limits or Limits()
        self.max_source = max_source
        self.max_runs = max_runs
        self.max_page = max_page
        self.kill_after = kill_after if kill_after is not None else (
            (self.limits.timeout or 0) + KILL_GRACE)


class RunResult:
    """What a run gives the editor page: the exit code, the ``heapsim:`` message that ended
    it early (or the server's own, when the worker had to be killed), the program's capped
    stdout and stderr, the number of line steps, and the replay page (None without one)."""

    def __init__(self, exit_code=None, error=None, stdout="", stderr="", steps=0, page=None,
                 program=None):
        self.exit_code = exit_code
        self.error = error
        self.stdout = stdout
        self.stderr = stderr
        self.steps = steps
        self.page = page
        self.program = program

    def as_json(self):
        return {"exit_code": self.exit_code, "error": self.error, "stdout": self.stdout,
                "stderr": self.stderr, "steps": self.steps, "page": self.page,
                "program": self.program}


def run_in_worker(source, config, workers=None):
    """Run ``source`` in a worker process under ``config``'s limits; a ``RunResult``.
    ``workers`` (a set) holds the process while it runs."""
    workers = workers if workers is not None else set()
    workdir = tempfile.mkdtemp(prefix="heapsim-serve-")
    try:
        request = {"source": source, "name": "program.py", "title": None,
                   "limits": vars(config.limits)}
        with open(os.path.join(workdir, "request.json"), "w", encoding="utf-8") as fh:
            json.dump(request, fh)
        env = dict(os.environ, PYTHONHASHSEED="0")
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (_package_parent(), env.get("PYTHONPATH")) if p)
        with open(os.path.join(workdir, "worker.err"), "wb") as err:
            proc = subprocess.Popen([sys.executable, "-m", "heapsim.tools.snippet", workdir],
                                    stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                    stderr=err, env=env, cwd=workdir, start_new_session=True)
            workers.add(proc)
            try:
                code = proc.wait(timeout=config.kill_after)
            except subprocess.TimeoutExpired:
                kill_worker(proc)
                return RunResult(error=f"heapsim: the run was stopped after "
                                       f"{config.kill_after:g} seconds (the server's "
                                       "wall-clock limit)")
            finally:
                workers.discard(proc)
        return _collect(workdir, code, config)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def _package_parent():
    """The directory heapsim is imported from (``src`` in a checkout)."""
    return os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def kill_worker(proc):
    """Kill a worker and whatever it started (its own process group)."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait()


def _collect(workdir, code, config):
    """The worker's results, or what went wrong with the worker."""
    result_path = os.path.join(workdir, "result.json")
    if not os.path.exists(result_path):
        with open(os.path.join(workdir, "worker.err"), "rb") as fh:
            tail = fh.read()[-4000:].decode("utf-8", "replace").strip()
        why = {-signal.SIGKILL: "killed (out of memory?)",
               -signal.SIGXCPU: "stopped at its CPU time limit"}.get(code, f"exit code {code}")
        return RunResult(error=f"heapsim: the run's process ended without a result ({why})"
                               + (f"\n{tail}" if tail else ""))
    with open(result_path, encoding="utf-8") as fh:
        data = json.load(fh)
    page = None
    page_path = os.path.join(workdir, "page.html")
    error = data["error"]
    size = os.path.getsize(page_path) if os.path.exists(page_path) else 0
    if size > config.max_page:
        note = (f"heapsim: the replay page would be {size / (1 << 20):.1f} MB, over the "
                f"server's limit of {config.max_page / (1 << 20):.1f} MB; lower --max-steps")
        error = f"{error}\n{note}" if error else note
    elif size:
        with open(page_path, encoding="utf-8") as fh:
            page = fh.read()
    return RunResult(data["exit_code"], error, data["stdout"], data["stderr"], data["steps"],
                     page, data["program"])


def editor_page(config):
    """The editor page: index.html with its style, script and the server's limits inside."""
    folder = resources.files("heapsim.tools").joinpath("serve_page")
    text = {name: folder.joinpath(name).read_text(encoding="utf-8") for name in PAGE_FILES}
    page = text["index.html"]
    for key, value in (("__CSS__", text["editor.css"]),
                       ("__LIMITS__", limits_text(config.limits)),
                       ("__JS__", text["editor.js"].replace("</script", "<\\/script"))):
        page = page.replace(key, value)
    return page


def limits_text(lim):
    """The run limits in words."""
    heap = f"{lim.max_heap >> 20} MB of simulated heap" if lim.max_heap else "any heap"
    secs = f"{lim.timeout:g} s" if lim.timeout else "no time limit"
    return f"{lim.max_steps:,} instructions, {heap}, {secs}"


class PlaygroundServer(http.server.ThreadingHTTPServer):
    """The HTTP server: its config, the editor page, and the count of runs in progress."""

    daemon_threads = True

    def __init__(self, address, config=None):
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, PlaygroundHandler)
        self.config = config or ServeConfig()
        self.runs = threading.BoundedSemaphore(self.config.max_runs)
        self.workers = set()
        self.page = editor_page(self.config).encode("utf-8")
        host, port = self.server_address[:2]
        self.allowed_hosts = {f"{host}:{port}", f"localhost:{port}", f"127.0.0.1:{port}",
                              f"[::1]:{port}"} if _is_loopback(host) else None

    def server_close(self):
        """Stop listening, and kill the runs still in progress."""
        super().server_close()
        for proc in list(self.workers):
            kill_worker(proc)

    @property
    def url(self):
        host, port = self.server_address[:2]
        return f"http://{f'[{host}]' if ':' in host else host}:{port}/"


def _is_loopback(host):
    import ipaddress
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


class PlaygroundHandler(http.server.BaseHTTPRequestHandler):
    """``GET /`` the editor, ``POST /run`` a run; anything else 404."""

    server_version = "heapsim-serve"
    protocol_version = "HTTP/1.1"
    timeout = 60                # seconds a connection may stay idle or half-sent

    def log_message(self, fmt, *args):      # one short line per request, on stderr
        sys.stderr.write(f"heapsim serve: {self.address_string()} {fmt % args}\n")

    def _host_ok(self):
        """On a loopback address, only requests naming it (a page of another site that
        resolves its own name to 127.0.0.1 cannot drive the server)."""
        allowed = self.server.allowed_hosts
        return allowed is None or self.headers.get("Host", "") in allowed

    def _same_origin(self):
        """A browser's request names its page's origin: it must be this server's."""
        origin = self.headers.get("Origin")
        if origin is None:
            return True
        scheme, _, host = origin.partition("://")
        return scheme == "http" and host.rstrip("/") == self.headers.get("Host", "")

    def do_GET(self):
        if not self._host_ok():
            return self._send(421, "text/plain", b"unknown host\n")
        if self.path.split("?")[0] in ("/", "/index.html"):
            return self._send(200, "text/html; charset=utf-8", self.server.page)
        return self._send(404, "text/plain", b"not found\n")

    def do_POST(self):
        if not self._host_ok():
            return self._send(421, "text/plain", b"unknown host\n")
        if not self._same_origin():
            return self._error(403, "requests from other sites are refused")
        if self.path != "/run":
            return self._send(404, "text/plain", b"not found\n")
        config = self.server.config
        length = self.headers.get("Content-Length")
        if length is None or not length.isdigit():
            return self._error(411, "a Content-Length is required")
        length = int(length)
        if length > config.max_source * 6 + 1024:       # JSON escapes: 6 bytes a character
            if length <= DRAIN_LIMIT:       # read it, so that the client reads the answer
                self.rfile.read(length)
            return self._error(413, f"the program is too large (at most "
                                    f"{config.max_source:,} bytes)")
        body = self.rfile.read(length)
        if self.headers.get_content_type() != "application/json":
            return self._error(415, "send the program as JSON: {\"source\": \"...\"}")
        try:
            source = json.loads(body.decode("utf-8"))["source"]
        except (ValueError, KeyError, TypeError):
            return self._error(400, "send the program as JSON: {\"source\": \"...\"}")
        if not isinstance(source, str):
            return self._error(400, "the source must be a string")
        if len(source.encode("utf-8")) > config.max_source:
            return self._error(413, f"the program is too large (at most "
                                    f"{config.max_source:,} bytes)")
        if not self.server.runs.acquire(blocking=False):
            return self._error(503, f"{config.max_runs} runs are in progress already; "
                                    "try again in a moment")
        try:
            result = run_in_worker(source, config, self.server.workers)
        finally:
            self.server.runs.release()
        self._send(200, "application/json",
                   json.dumps(result.as_json()).encode("utf-8"))

    def _error(self, status, message):
        body = json.dumps(RunResult(error=f"heapsim serve: {message}").as_json())
        self._send(status, "application/json", body.encode("utf-8"))

    def _send(self, status, ctype, body):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        if status >= 400:       # the request's body may be unread: no second request on it
            self.send_header("Connection", "close")
            self.close_connection = True
        if ctype.startswith("text/html"):
            self.send_header("Content-Security-Policy", CSP)
        self.end_headers()
        self.wfile.write(body)


# The editor page's policy: its own inline script and style, requests to this server only,
# and the replay in a sandboxed srcdoc frame (which inherits this policy: the replay page
# inflates its data through a data: URL and draws images from data: URLs).
CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
       "img-src data:; connect-src 'self' data: blob:; frame-src 'self' about:; "
       "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


def serve(host="127.0.0.1", port=8000, config=None, out=None):
    """Serve until interrupted; print the URL first."""
    out = out or sys.stdout
    server = PlaygroundServer((host, port), config)
    out.write(f"heapsim serve: {server.url}  (runs limited to "
              f"{limits_text(server.config.limits)}; {server.config.max_runs} at once; "
              "Ctrl-C stops)\n")
    out.flush()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


def cmd_serve(args):
    """The ``serve`` subcommand (options from cli.py)."""
    limits = Limits(max_steps=args.max_steps, max_heap=args.max_heap, timeout=args.timeout,
                    max_output=args.max_output)
    config = ServeConfig(limits, max_source=args.max_source, max_runs=args.max_runs)
    return serve(args.host, args.port, config)

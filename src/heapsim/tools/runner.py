"""Running a guest program file as ``python3 PROG.py`` would: the exit codes, the limits, the
guest thread with its big stack, and the messages for what ends a run early
(docs/architecture.md, "Limits" and "Exit codes").  The command line and the recorded views
all run programs through ``run_program``.
"""

import sys

EXIT_UNSUPPORTED = 3
EXIT_INTERNAL = 70
DEFAULT_MAX_STEPS = 2_000_000_000


def fast_paths_from_env():
    """The fast-path switch's default: on unless ``HEAPSIM_FAST_PATHS`` is ``0``."""
    import os
    return os.environ.get("HEAPSIM_FAST_PATHS", "1").strip() != "0"


def run_program(path, argv, stdout=None, stderr=None, max_steps=DEFAULT_MAX_STEPS,
                max_heap=None, timeout=None, audit=False, fast_paths=None, observer=None):
    """Run a guest program as ``python3 PATH ARGS`` would; return the exit code.

    ``fast_paths`` False runs only the eval loop's generic handlers (None: on unless
    ``HEAPSIM_FAST_PATHS=0``).  ``observer`` (a recorder) is told ``attach(runtime)`` once
    the runtime is built and ``finish(exit_code, error)`` when the run ends, however it ends.

    The run happens on a thread with a large stack and a high host recursion limit, so that
    guest recursion (limited to 1000 frames, as CPython) never exhausts the host.
    """
    import os
    import threading

    stdout = stdout if stdout is not None else sys.stdout
    stderr = stderr if stderr is not None else sys.stderr
    try:
        with open(path, "rb") as fh:
            source = fh.read()
    except OSError as exc:
        stderr.write(f"python3: can't open file {os.path.abspath(path)!r}: "
                     f"[Errno {exc.errno}] {exc.strerror}\n")
        return 2
    result = [EXIT_INTERNAL]
    if fast_paths is None:
        fast_paths = fast_paths_from_env()

    def body():
        result[0] = _run_guarded(source, path, argv, stdout, stderr, max_steps, max_heap,
                                 timeout, audit, fast_paths, observer)

    old_limit = sys.getrecursionlimit()
    old_stack = threading.stack_size()
    sys.setrecursionlimit(max(old_limit, 60000))
    try:
        threading.stack_size(512 * 1024 * 1024)
        t = threading.Thread(target=body, name="heapsim-guest")
        t.start()
        t.join()
    finally:
        threading.stack_size(old_stack)
        sys.setrecursionlimit(old_limit)
    return result[0]


def _guest_location(rt):
    if rt is not None and rt.interp.error_location is not None:
        return rt.interp.error_location
    f = rt.interp.frame if rt is not None else None
    ins = getattr(f, "ins", None)       # a new frame has none until an error sets it
    if ins is None:
        return "?", 0
    return f.dc.filename, f.dc.line_of(ins.index)


def decode_source(raw, path, stderr):
    """The program text as python3 reads a script file, or None after printing python3's
    SyntaxError for an undecodable file (exit status 1)."""
    import io
    import os
    import re
    import tokenize
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(raw).readline)
    except SyntaxError:
        m = re.search(rb"coding[:=]\s*([-\w.]+)", raw)
        name = m.group(1).decode("ascii", "replace") if m else "?"
        stderr.write(f"SyntaxError: encoding problem: {name}\n")
        return None
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        if encoding in ("utf-8", "utf-8-sig"):
            stderr.write(f"SyntaxError: Non-UTF-8 code starting with '\\x{raw[exc.start]:02x}' "
                         f"in file {os.path.abspath(path)} on line {line}, but no encoding "
                         "declared; see "
                         "https://peps.python.org/pep-0263/ for details\n")
        else:
            stderr.write(f"SyntaxError: encoding problem: {encoding}\n")
        return None
    if "\0" in text:
        before = text[:text.index("\0")]
        line = before.count("\n") + 1
        shown = before.rsplit("\n", 1)[-1].strip()
        stderr.write(f'  File "{os.path.abspath(path)}", line {line}\n    {shown}\n'
                     "SyntaxError: source code cannot contain null bytes\n")
        return None
    return text


def _run_guarded(source, path, argv, stdout, stderr, max_steps, max_heap=None, timeout=None,
                 audit=False, fast_paths=True, observer=None):
    if observer is None:
        return _run_checked(source, path, argv, stdout, stderr, max_steps, max_heap, timeout,
                            audit, fast_paths, None)
    status = EXIT_INTERNAL
    capture = _Capture(stderr)
    try:
        status = _run_checked(source, path, argv, stdout, capture, max_steps, max_heap,
                              timeout, audit, fast_paths, observer)
    finally:
        if getattr(observer, "attached", False):
            errors = [line for line in "".join(capture.text).splitlines()
                      if line.startswith("heapsim: ")]
            observer.finish(status, "\n".join(errors) or None)
    return status


class _Capture:
    """A stream that keeps a copy of what passes through it."""

    def __init__(self, inner):
        self.inner = inner
        self.text = []

    def write(self, text):
        self.text.append(text)
        return self.inner.write(text)

    def flush(self):
        self.inner.flush()


def _run_checked(source, path, argv, stdout, stderr, max_steps, max_heap, timeout, audit,
                 fast_paths, observer):
    from heapsim.base.errors import LimitExceeded, OutOfMemory, Unsupported
    from heapsim.runtime import Runtime

    rt = None
    try:
        text = decode_source(source, path, stderr)
        if text is None:
            return 1
        profile = None
        if max_heap is not None:
            import dataclasses
            from heapsim.base.config import CPYTHON_3_11
            profile = dataclasses.replace(CPYTHON_3_11, memory=dataclasses.replace(
                CPYTHON_3_11.memory, heap_limit=max_heap))
        rt = Runtime([path] + list(argv), stdout=stdout, stderr=stderr, max_steps=max_steps,
                     audit=audit, fast_paths=fast_paths,
                     **({"profile": profile} if profile is not None else {}))
        if timeout is not None:
            rt.interp.set_timeout(timeout)
        import os
        if observer is not None:
            observer.attach(rt, {os.path.abspath(path): text})
        return rt.run_source(text, os.path.abspath(path))
    except Unsupported as exc:
        where = (exc.filename, exc.lineno) if exc.filename else _guest_location(rt)
        _flush(stdout)
        stderr.write(f"heapsim: unsupported: {exc.what} ({where[0]}:{where[1]})\n")
        return EXIT_UNSUPPORTED
    except LimitExceeded as exc:
        where = _guest_location(rt)
        _flush(stdout)
        flag = {"instruction": "--max-steps", "time": "--timeout",
                "line step": "--max-line-steps"}.get(exc.what, "--max-heap")
        stderr.write(f"heapsim: {exc} ({where[0]}:{where[1]}); raise it with {flag}\n")
        return EXIT_UNSUPPORTED
    except OutOfMemory as exc:
        where = _guest_location(rt)
        _flush(stdout)
        stderr.write(f"heapsim: {exc} ({where[0]}:{where[1]}); raise it with --max-heap\n")
        return EXIT_UNSUPPORTED
    except Exception as exc:  # a simulator bug
        where = _guest_location(rt)
        _flush(stdout)
        stderr.write(f"heapsim: internal error: {type(exc).__name__}: {exc} "
                     f"({where[0]}:{where[1]})\n")
        if os_environ_debug():
            import traceback
            traceback.print_exc()
        return EXIT_INTERNAL


def os_environ_debug():
    import os
    return bool(os.environ.get("HEAPSIM_DEBUG"))


def _flush(stream):
    try:
        stream.flush()
    except Exception:
        pass

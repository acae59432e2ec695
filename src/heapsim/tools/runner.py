"""Running a guest program file as ``python3 PROG.py`` would: the exit codes, the limits, the
guest thread with its big stack, and the messages for what ends a run early
(docs/architecture.md, "Limits" and "Exit codes").  The command line and the recorded views
all run programs through ``run_program``.
"""

import sys

from heapsim.base.errors import GuestError

EXIT_UNSUPPORTED = 3
EXIT_INTERNAL = 70
DEFAULT_MAX_STEPS = 2_000_000_000


def fast_paths_from_env():
    """The fast-path switch's default: on unless ``HEAPSIM_FAST_PATHS`` is ``0``."""
    import os
    return os.environ.get("HEAPSIM_FAST_PATHS", "1").strip() != "0"


def run_program(path, argv, stdout=None, stderr=None, max_steps=DEFAULT_MAX_STEPS,
                max_heap=None, timeout=None, audit=False, fast_paths=None, observer=None):
    """Run a guest program as ``python3 PATH ARGS`` would; return the exit code, or
    ``-signal.SIGINT`` when python3 would end by SIGINT (an uncaught KeyboardInterrupt), as
    ``subprocess`` reports such an end.

    ``fast_paths`` False runs only the eval loop's generic handlers (None: on unless
    ``HEAPSIM_FAST_PATHS=0``).  ``observer`` (a recorder) is told ``attach(runtime)`` once
    the runtime is built and ``finish(exit_code, error)`` when the run ends, however it ends.

    The run happens on a thread with a large stack and a high host recursion limit, so that
    guest recursion (limited to 1000 frames, as CPython) never exhausts the host.  Called on
    the main thread, a SIGINT (Ctrl-C) meanwhile becomes a guest KeyboardInterrupt at the
    guest's next limit check (a backward jump or a call), as python3's eval breaker raises it.
    """
    import threading

    stdout = _GuestOutput(stdout if stdout is not None else sys.stdout)
    stderr = _GuestErrors(stderr if stderr is not None else sys.stderr)
    target = _program_file(path, stderr)
    if isinstance(target, int):
        return target
    try:
        with open(target, "rb") as fh:
            source = fh.read()
    except OSError as exc:
        stderr.write(f"python3: can't open file {python_abspath(path)!r}: "
                     f"[Errno {exc.errno}] {exc.strerror}\n")
        return 2
    result = [EXIT_INTERNAL]
    if fast_paths is None:
        fast_paths = fast_paths_from_env()
    run = _Run()

    def body():
        result[0] = _run_guarded(source, target, [path] + list(argv), stdout, stderr,
                                 max_steps, max_heap, timeout, audit, fast_paths, observer,
                                 run)

    old_limit = sys.getrecursionlimit()
    old_stack = threading.stack_size()
    sys.setrecursionlimit(max(old_limit, 60000))
    try:
        threading.stack_size(512 * 1024 * 1024)
        t = threading.Thread(target=body, name="heapsim-guest")
        with _interrupts_to(run):
            t.start()
            while t.is_alive():
                t.join(None if not run.interrupted else 0.05)
                run.deliver()
    finally:
        _tell_watch("end")
        threading.stack_size(old_stack)
        sys.setrecursionlimit(old_limit)
    return result[0]


def python_abspath(path):
    """A script path made absolute as python3 makes it for its messages and ``__file__``: the
    current directory joined in front of a relative path, with nothing normalised."""
    import os
    return path if os.path.isabs(path) else os.path.join(os.getcwd(), path)


def _program_file(path, stderr):
    """The file to run for ``python3 PATH``: PATH itself, or a directory's ``__main__.py``;
    an exit status after python3's message when a directory has none."""
    import os
    if not os.path.isdir(path):
        return path
    main = os.path.join(path, "__main__.py")
    if os.path.isfile(main):
        return main
    stderr.write(f"{sys.executable}: can't find '__main__' module in "
                 f"{python_abspath(path)!r}\n")
    return 1


class _Run:
    """One run as the thread that started it sees it: the runtime once the guest thread has
    built it, and whether a SIGINT waits to be raised in the guest.  The guest's limit check
    raises the KeyboardInterrupt (``_install_interrupt_check``); ``deliver`` (on the starting
    thread) asks for that check again for as long as the interrupt waits, since the guest
    thread may be setting its next check point at the same moment."""

    def __init__(self):
        self.rt = None
        self.interrupted = False
        self.last_signal = None

    def interrupt(self, signum=None, frame=None):
        import time
        now = time.monotonic()
        if self.last_signal is not None and now - self.last_signal < SAME_SIGNAL:
            return
        self.last_signal = now
        self.interrupted = True
        self.deliver()

    def deliver(self):
        rt = self.rt
        if self.interrupted and rt is not None:
            rt.interp.check_at = -1


# Seconds within which a second SIGINT is the same Ctrl-C: a terminal's reaches both the
# watching process and its child, which passes its own on (tools/supervise.py).
SAME_SIGNAL = 0.2


class _interrupts_to:
    """While a run goes on on the main thread, SIGINT is the run's (``_Run.interrupt``)
    rather than a host KeyboardInterrupt; elsewhere, or when SIGINT is ignored or handled
    by someone else, nothing changes."""

    def __init__(self, run):
        self.run = run
        self.old = None

    def __enter__(self):
        import signal
        import threading
        if threading.current_thread() is threading.main_thread() and \
                signal.getsignal(signal.SIGINT) is signal.default_int_handler:
            self.old = signal.signal(signal.SIGINT, self.run.interrupt)
        return self

    def __exit__(self, *exc):
        import signal
        if self.old is not None:
            signal.signal(signal.SIGINT, self.old)
        return False


def _install_interrupt_check(rt, run):
    """Wrap the interpreter's limit check: a waiting SIGINT is raised there as a guest
    KeyboardInterrupt: at a backward jump, or at the call of a new frame (where CPython's
    eval breaker raises it in the new frame's first instruction).  At a resumed generator's
    entry (``entry``) it waits for the next check."""
    check = rt.interp.check_limits

    def check_limits(entry=False):
        check()
        if run.interrupted and not entry:
            run.interrupted = False
            raise GuestError("KeyboardInterrupt")
        if run.interrupted:
            rt.interp.check_at = -1

    rt.interp.check_limits = check_limits
    run.rt = rt


class _GuestOutput:
    """The guest's stdout over the host stream: a failed write or flush is the guest's
    OSError (``BrokenPipeError: [Errno 32] Broken pipe``, ``OSError: [Errno 28] No space
    left on device``) raised where the guest wrote, as python3's print raises it, and text
    the stream cannot encode the guest's UnicodeEncodeError with its message; a closed
    stdout (None: python3's ``sys.stdout`` is None) takes the output and keeps nothing."""

    __slots__ = ("inner",)

    def __init__(self, inner):
        self.inner = inner

    def write(self, text):
        inner = self.inner
        if inner is None:
            return len(text)
        try:
            return inner.write(text)
        except OSError as exc:
            raise _guest_os_error(exc) from None
        except UnicodeEncodeError as exc:   # a lone surrogate: the stream's own message
            raise GuestError("UnicodeEncodeError", str(exc)) from None

    def flush(self):
        if self.inner is not None:
            try:
                self.inner.flush()
            except OSError as exc:
                raise _guest_os_error(exc) from None

    def __getattr__(self, name):        # getvalue() of a StringIO, a recorder's attributes
        return getattr(self.inner, name)


class _GuestErrors(_GuestOutput):
    """The guest's stderr over the host stream: what cannot be written there is lost, as
    python3 loses a traceback it cannot print (the exit status stays the program's)."""

    __slots__ = ()

    def write(self, text):
        try:
            return self.inner.write(text) if self.inner is not None else len(text)
        except (OSError, ValueError):
            return len(text)

    def flush(self):
        try:
            if self.inner is not None:
                self.inner.flush()
        except (OSError, ValueError):
            pass


def _guest_os_error(exc):
    """A host stream's OSError as the guest's: the same exception type and text."""
    kind = type(exc).__name__ if type(exc).__module__ == "builtins" else "OSError"
    text = f"[Errno {exc.errno}] {exc.strerror}" if exc.errno is not None else str(exc)
    return GuestError(kind, text)


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
                 audit=False, fast_paths=True, observer=None, run=None):
    if observer is None:
        return _run_checked(source, path, argv, stdout, stderr, max_steps, max_heap, timeout,
                            audit, fast_paths, None, run)
    status = EXIT_INTERNAL
    capture = _Capture(stderr)
    try:
        status = _run_checked(source, path, argv, stdout, capture, max_steps, max_heap,
                              timeout, audit, fast_paths, observer, run)
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


# The supervising command line's watch (``tools/supervise.py``): told "start" when a run's
# clock starts and "end" when the run is over.  None: nobody watches.
_watch = [None]


def set_run_watch(watch):
    """Have ``watch(event)`` told when a run's timeout clock starts ("start") and when the run
    is over ("end"); None stops it."""
    _watch[0] = watch


def _tell_watch(event):
    if _watch[0] is not None:
        _watch[0](event)


def _run_checked(source, path, argv, stdout, stderr, max_steps, max_heap, timeout, audit,
                 fast_paths, observer, run=None):
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
        rt = Runtime(argv, stdout=stdout, stderr=stderr, max_steps=max_steps,
                     audit=audit, fast_paths=fast_paths,
                     **({"profile": profile} if profile is not None else {}))
        if run is not None:
            _install_interrupt_check(rt, run)
        if timeout is not None:
            rt.interp.set_timeout(timeout)
            _tell_watch("start")
        filename = python_abspath(path)
        if observer is not None:
            observer.attach(rt, {filename: text})
        return rt.run_source(text, filename)
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
        _flush(stdout)
        if rt is None:
            stderr.write(f"heapsim: {exc} while the interpreter starts; raise it with "
                         "--max-heap\n")
        else:
            where = _guest_location(rt)
            stderr.write(f"heapsim: {exc} ({where[0]}:{where[1]}); raise it with "
                         "--max-heap\n")
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

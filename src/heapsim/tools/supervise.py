"""The command line's watchdog: ``--timeout`` enforced from outside the guest.

The guest runs on a host thread, and a host thread cannot be stopped: one long builtin
operation (``7**(10**8)``, ``sum(range(10**12))``) holds the host's GIL for as long as it
takes, so neither the eval loop's own clock check nor a signal handler runs until it ends.
A command given ``--timeout`` therefore runs in a forked child process while the process the
user started only watches: the child tells it (over a pipe) when a run's clock starts and
when the run is over; if the run is still going a moment (``GRACE``) after its limit, the
watcher kills the child, prints the ``heapsim:`` time-limit message and exits 3.  A run
that ends itself (the eval loop's check, which names the guest line) ends the child as
usual, and the watcher leaves with the child's exit status, or dies by the signal that
ended the child.  Only a command line that owns its process does this (``cli.main()``
without arguments); runs inside a program (tests, notebooks) keep the eval loop's check.
"""

import os
import select
import signal
import sys
import time

from heapsim.tools.runner import EXIT_UNSUPPORTED, python_abspath, set_run_watch

GRACE = 0.5             # seconds past the limit before the watcher stops the run itself


def supervised(command, timeout, prog):
    """Run ``command()`` (an exit status) in a child process, stopped from outside when a run
    goes on past ``timeout`` seconds; returns the exit status for this process (or ends it
    by the child's signal)."""
    for stream in (sys.stdout, sys.stderr):
        _flush_quietly(stream)
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:                                    # the child: the command itself
        os.close(read_end)
        set_run_watch(lambda event: _tell(write_end, event))
        return command()
    os.close(write_end)
    old = {signum: signal.signal(signum, lambda signum, frame: _forward(pid, signum))
           for signum in FORWARDED}
    try:
        stopped = _watch(read_end, pid, timeout)
        _, status = os.waitpid(pid, 0)
    finally:
        os.close(read_end)
        for signum, handler in old.items():
            signal.signal(signum, handler)
    if stopped:
        write_error(f"heapsim: time limit of {timeout} seconds reached "
                    f"({python_abspath(prog)}: stopped from outside, during one long "
                    "operation); raise it with --timeout\n")
        return EXIT_UNSUPPORTED
    if os.WIFSIGNALED(status):
        return -os.WTERMSIG(status)
    return os.WEXITSTATUS(status)


# The signals the watcher passes on to the child (and then ends as the child ends).  A
# terminal's Ctrl-C reaches both processes of the group: the child takes the two SIGINTs
# as one (runner.SAME_SIGNAL).
FORWARDED = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT)


def _forward(pid, signum):
    try:
        os.kill(pid, signum)
    except ProcessLookupError:
        pass


def _tell(fd, event):
    try:
        os.write(fd, b"S" if event == "start" else b"E")
    except OSError:
        pass


def _watch(fd, pid, timeout):
    """Follow the child's runs until it closes the pipe (it has ended); True when a run went
    past its limit and the child was killed."""
    deadline = None
    while True:
        wait = None if deadline is None else max(0.0, deadline - time.monotonic())
        ready, _, _ = select.select([fd], [], [], wait)
        if not ready:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            return True
        data = os.read(fd, 64)
        if not data:
            return False
        for event in data:
            if event == ord("S"):
                deadline = time.monotonic() + timeout + GRACE
            else:
                deadline = None


def exit_status(code):
    """The status to leave with: a negative code (an end by a signal, as ``subprocess``
    reports it) ends this process by that signal, as python3 ends after an uncaught
    KeyboardInterrupt; anything else is returned."""
    if code is None or code >= 0:
        return code
    for stream in (sys.stdout, sys.stderr):
        _flush_quietly(stream)
    signum = -code
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)
    return 128 + signum             # not reached


def write_error(text):
    """Write on stderr, losing the text when stderr is closed or broken."""
    try:
        if sys.stderr is not None:
            sys.stderr.write(text)
            sys.stderr.flush()
    except (OSError, ValueError):
        pass


def _flush_quietly(stream):
    try:
        if stream is not None:
            stream.flush()
    except (OSError, ValueError):
        pass

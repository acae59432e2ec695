"""The argparse types of run limits and counts, shared by the command line (tools/cli.py)
and the notebook magic (heapsim/notebook.py): each refuses what is not a positive, finite
value with a message argparse prints (exit 2 on the command line)."""

import argparse
import math
import threading


def count_arg(least):
    """A whole number, at least ``least``."""
    def count(text):
        try:
            value = int(text.strip())
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
        if value < least:
            raise argparse.ArgumentTypeError(
                f"must be {'positive' if least == 1 else f'at least {least}'}: {text!r}")
        return value
    count.__name__ = "count"
    return count


def size_arg(text):
    """A byte count: 1000000, 64K, 256M, 2G (positive, finite)."""
    t = text.strip().upper().rstrip("B")
    mult = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}.get(t[-1:], 1)
    try:
        value = float(t[:-1] if mult > 1 else t)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size: {text!r}") from None
    if not math.isfinite(value) or value * mult < 1:
        raise argparse.ArgumentTypeError(f"not a positive size: {text!r}")
    return int(value * mult)


def seconds_arg(text):
    """A positive, finite number of seconds (at most the host's longest wait)."""
    try:
        value = float(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"not a positive number of seconds: {text!r}")
    if value > threading.TIMEOUT_MAX:
        raise argparse.ArgumentTypeError(f"too long (at most {threading.TIMEOUT_MAX:g} "
                                         f"seconds): {text!r}")
    return value

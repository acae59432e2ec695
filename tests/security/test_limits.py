"""Limits that hold against what the host would build (memory/limits.py, objects/sizecheck.py):
a result larger than the heap limit is refused before the host allocates its payload, as the
guest's MemoryError, and every run has a heap limit, ``--max-heap``'s or a share of the
machine's memory."""

import os
import resource
import subprocess
import sys
import textwrap

from heapsim.memory.limits import DEFAULT_SHARE, default_heap_limit, physical_memory
from heapsim.runtime import Runtime

# Each would be 2 GB or more on the host if it were built.
HUGE = textwrap.dedent('''
    N = 2 * 10 ** 9
    cases = {
        "str_mul": lambda: "x" * N, "bytes_mul": lambda: b"x" * N,
        "bytearray_mul": lambda: bytearray(b"x") * N, "list_mul": lambda: [0] * N,
        "tuple_mul": lambda: (0,) * N, "ljust": lambda: "ab".ljust(N),
        "center": lambda: "ab".center(N), "zfill": lambda: "1".zfill(N),
        "bytes_ljust": lambda: b"ab".ljust(N), "bytes_n": lambda: bytes(N),
        "bytearray_n": lambda: bytearray(N), "lshift": lambda: 1 << 8 * N,
        "pow": lambda: 7 ** (10 ** 10), "pow_fast_path": lambda: 10 ** 10 ** 10,
        "join": lambda: ",".join(["x" * 10 ** 6] * 2000),
        "bytes_join": lambda: b",".join([b"x" * 10 ** 6] * 2000),
        "format_width": lambda: format(1, ">%d" % N), "fstring": lambda: f"{'a':>{N}}",
        "percent": lambda: "%*d" % (N, 1), "bytes_percent": lambda: b"%*d" % (N, 1),
        "replace": lambda: ("x" * 1000).replace("x", "y" * (2 * 10 ** 6)),
        "expandtabs": lambda: "\\t".expandtabs(N), "hex": lambda: (b"x" * 10 ** 6).hex() * 2000,
    }
    for name, f in cases.items():
        try:
            f()
            print(name, "built")
        except MemoryError:
            print(name, "MemoryError")
    print("done")
''')


def _limit_address_space():
    # The guest thread's 512 MB stack and the interpreter fit; a 2 GB payload does not.
    resource.setrlimit(resource.RLIMIT_AS, (1536 << 20, 1536 << 20))


def test_huge_results_are_refused_before_the_host_builds_them(tmp_path):
    prog = tmp_path / "huge.py"
    prog.write_text(HUGE)
    p = subprocess.run([sys.executable, "-m", "heapsim", "run", "--max-heap", "64M",
                        "--audit", str(prog)], capture_output=True, text=True,
                       preexec_fn=_limit_address_space, timeout=600,
                       env=dict(os.environ, PYTHONHASHSEED="0"))
    assert p.returncode == 0, p.stderr
    lines = p.stdout.splitlines()
    assert lines[-1] == "done"
    assert [ln for ln in lines[:-1] if not ln.endswith(" MemoryError")] == []
    assert len(lines) == 24


def test_every_run_has_a_heap_limit():
    rt = Runtime()
    limit = default_heap_limit()
    assert limit == max(physical_memory() // DEFAULT_SHARE, 256 << 20)
    assert rt.heap.allocator.raw.limit == limit


def test_physical_memory_is_the_machines():
    with open("/proc/meminfo") as fh:
        total = next(int(ln.split()[1]) * 1024 for ln in fh if ln.startswith("MemTotal:"))
    assert abs(physical_memory() - total) < total // 10


def _run_limited(tmp_path, source, **limits):
    import io
    from heapsim.tools.runner import run_program
    prog = tmp_path / "loop.py"
    prog.write_text(source)
    out, err = io.StringIO(), io.StringIO()
    status = run_program(str(prog), [], stdout=out, stderr=err, **limits)
    return status, out.getvalue(), err.getvalue()


def test_builtin_loops_charge_steps(tmp_path):
    """``--max-steps`` holds inside a builtin's own loop over an iterator (space.next)."""
    for src in ("print(sum(range(10 ** 12)))\n", "print(max(iter(int, 1)))\n",
                "print(len(list(iter(int, 1))))\n", "print(any(iter(int, 1)))\n"):
        status, out, err = _run_limited(tmp_path, src, max_steps=20000)
        assert (status, out) == (3, ""), err
        assert err.startswith("heapsim: instruction limit of 20000 reached"), err


def test_builtin_loops_see_the_timeout(tmp_path):
    import time
    start = time.monotonic()
    status, out, err = _run_limited(tmp_path, "print(max(iter(int, 1)))\n", timeout=1.0)
    assert status == 3 and err.startswith("heapsim: time limit of 1.0 seconds reached"), err
    assert time.monotonic() - start < 30

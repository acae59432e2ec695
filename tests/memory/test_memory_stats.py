"""Statistics, and the ``sys._debugmallocstats()`` layout compared with a real CPython 3.11."""

import re
import subprocess
import sys

import pytest

from heapsim.base.config import MemoryConfig
from heapsim.memory import ArenaStats, SizeClassStats, allocator_stats_line, printone
from heapsim.memory.stats import format_debugmallocstats
from memory_spec import fresh

CONFIG = MemoryConfig()
NUMBER = re.compile(r"\d[\d,]*")
CLASS_ROW = re.compile(r"[ \d]{5} [ \d]{6} [ \d]{11} [ \d]{15} [ \d]{13}")

needs_311 = pytest.mark.skipif(sys.version_info[:2] != (3, 11),
                               reason="the layout is compared with CPython 3.11")


@pytest.fixture(scope="module")
def cpython_stats():
    """The real report: stderr of ``sys._debugmallocstats()`` in a fresh 3.11 (no site)."""
    result = subprocess.run(
        [sys.executable, "-S", "-c",
         "import sys; x = [object() for i in range(1000)]; sys._debugmallocstats()"],
        capture_output=True, text=True, check=True)
    return result.stderr


def split_report(text):
    """(obmalloc part, type free-list lines): the obmalloc part ends at its second Total."""
    lines = text.splitlines(keepends=True)
    totals = [i for i, line in enumerate(lines) if line.startswith("Total ")]
    cut = totals[1] + 1
    return "".join(lines[:cut]), lines[cut:]


def value_of(line):
    return int(line[36:].replace(",", ""))


def parse_obmalloc_report(text):
    lines = text.splitlines()
    classes = []
    for line in lines[4:]:
        if not line:
            break
        classes.append(SizeClassStats(*map(int, line.split())))
    values = {}
    for line in lines:
        if len(line) > 35 and line[35] == "=":
            values.setdefault(line[:35].rstrip(), value_of(line))
    unused = next(line for line in lines if "unused pools" in line)
    return dict(
        classes=classes,
        arenas=ArenaStats(values["# arenas allocated total"], values["# arenas reclaimed"],
                          values["# arenas highwater mark"],
                          values["# arenas allocated current"]),
        numfreepools=int(unused.split()[0]),
        alignment_bytes=values["# bytes lost to arena alignment"],
        map_mid_count=values["# arena map mid nodes"],
        map_bot_count=values["# arena map bot nodes"])


def skeleton(text):
    """The report with every number replaced by N and the class table rows dropped."""
    out = []
    for line in text.splitlines():
        if CLASS_ROW.fullmatch(line):
            continue
        if len(line) > 35 and line[35] == "=":
            label = re.sub(r"\s+", " ", NUMBER.sub("N", line[:35])).rstrip()
            out.append(f"{label} [{line[35]}] <{len(line)}>")
        else:
            out.append(NUMBER.sub("N", line))
    return out


@needs_311
def test_reproduces_cpython_report_from_its_numbers(cpython_stats):
    # Fed CPython's own numbers, the formatter must give back its text byte for byte.
    obmalloc_part, _ = split_report(cpython_stats)
    numbers = parse_obmalloc_report(obmalloc_part)
    assert numbers["classes"], "no class rows parsed"
    assert format_debugmallocstats(CONFIG, **numbers) == obmalloc_part


@needs_311
def test_free_list_lines_match_cpython(cpython_stats):
    _, type_lines = split_report(cpython_stats)
    pattern = re.compile(r"\s*(\d+) (.+)s \* (\d+) bytes each =")
    checked = 0
    for line in type_lines:
        match = pattern.match(line)
        if match:
            n, name, size = int(match.group(1)), match.group(2), int(match.group(3))
            assert allocator_stats_line(name, n, size) == line
            checked += 1
    assert checked >= 20


@needs_311
def test_our_report_has_cpython_layout(cpython_stats):
    m = fresh()
    blocks = [m.malloc(n) for n in range(1, 513)] * 1
    blocks += [m.malloc(64) for _ in range(300)]
    for b in blocks[::3]:
        m.free(b)
    ours = m.debugmallocstats()
    obmalloc_part, _ = split_report(cpython_stats)
    assert skeleton(ours) == skeleton(obmalloc_part)
    lines = ours.splitlines()
    assert lines[0] == "Small block threshold = 512, in 32 size classes."
    assert lines[2:4] == ["class   size   num pools   blocks in use  avail blocks",
                          "-----   ----   ---------   -------------  ------------"]
    rows = [line for line in lines if CLASS_ROW.fullmatch(line)]
    assert len(rows) == 32
    value_lines = [line for line in lines if line[35:36] == "="]
    assert len(value_lines) == 18
    assert all(len(line) == 57 for line in value_lines)


def test_report_numbers_add_up():
    m = fresh()
    blocks = [m.malloc(n % 600) for n in range(20_000)]
    for b in blocks[::2]:
        m.free(b)
    text = m.debugmallocstats()
    numbers = parse_obmalloc_report(text)
    lines = text.splitlines()
    totals = [value_of(line) for line in lines if line.startswith("Total ")]
    narenas = numbers["arenas"].current
    assert totals[0] == narenas * CONFIG.arena_size
    assert numbers["alignment_bytes"] == 0
    assert numbers["map_mid_count"] == 1 and numbers["map_bot_count"] == 1
    assert totals[1] == 262_144 + 262_144 + 131_072
    in_use = sum(row.blocks_in_use for row in numbers["classes"])
    assert in_use == m.allocated_blocks() - m.raw.allocated_blocks()
    m.check()


def test_size_class_stats_and_empty_classes_omitted():
    m = fresh()
    for _ in range(3):
        m.malloc(20)
    a = m.malloc(500)
    m.free(m.malloc(100))                         # its pool is empty again: not listed
    assert m.size_class_stats() == [SizeClassStats(1, 32, 1, 3, 507),
                                    SizeClassStats(31, 512, 1, 1, 30)]
    m.free(a)
    assert [row.idx for row in m.size_class_stats()] == [1]
    text = m.debugmallocstats()
    assert "\n    1     32           1               3           507\n\n" in text
    assert "63 unused pools * 16384 bytes      =            1,032,192\n" in text
    assert "1 arenas * 1048576 bytes/arena     =            1,048,576\n" in text


def test_arena_stats_record():
    m = fresh()
    stats = m.arena_stats()
    assert stats == ArenaStats(0, 0, 0, 0)
    assert stats.allocated_total == 0 and stats.current == 0
    m.malloc(1)
    assert m.arena_stats() == (1, 0, 1, 1)


def test_printone_format():
    assert printone("Total", 4_194_304) == \
        "Total                              =            4,194,304\n"
    assert printone("# arenas reclaimed", 0) == \
        "# arenas reclaimed                 =                    0\n"
    assert allocator_stats_line("free PyDictObject", 6, 48) == \
        "            6 free PyDictObjects * 48 bytes each =                  288\n"
